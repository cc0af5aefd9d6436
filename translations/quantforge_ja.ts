<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>main</name>
    <message>
        <source>Choose and produce quantized LLM files for your machine.</source>
        <translation>お使いのマシンに合った量子化 LLM ファイルを選んで作成します。</translation>
    </message>
    <message>
        <source>Open the bundled sample, show its recommendation and quit; the exit code tells whether it worked.</source>
        <translation>付属のサンプルを開き、推奨を表示して終了します。終了コードで成否がわかります。</translation>
    </message>
    <message>
        <source>GGUF models to open.</source>
        <translation>開く GGUF モデル。</translation>
    </message>
    <message>
        <source>Walk through the app on the bundled sample and save a PNG of each view into DIR (for the README); the exit code tells whether it worked.</source>
        <translation>同梱のサンプルモデルでアプリを一通り操作し、各画面の PNG を DIR に保存します（README 用）。終了コードで成否がわかります。</translation>
    </message>
</context>
<context>
    <name>qf::ui::AboutDialog</name>
    <message>
        <source>Quantforge: %1</source>
        <translation>Quantforge: %1</translation>
    </message>
    <message>
        <source>Qt: %1 (built with %2)</source>
        <translation>Qt: %1（ビルド時 %2）</translation>
    </message>
    <message>
        <source>Qt Charts: %1</source>
        <translation>Qt Charts: %1</translation>
    </message>
    <message>
        <source>fmt: %1</source>
        <translation>fmt: %1</translation>
    </message>
    <message>
        <source>zstd: %1</source>
        <translation>zstd: %1</translation>
    </message>
    <message>
        <source>Compiler: %1</source>
        <translation>コンパイラ: %1</translation>
    </message>
    <message>
        <source>Kernels: %1</source>
        <translation>カーネル: %1</translation>
    </message>
    <message>
        <source>CPU features: %1</source>
        <translation>CPU 機能: %1</translation>
    </message>
    <message>
        <source>none detected</source>
        <translation>検出されず</translation>
    </message>
    <message>
        <source>Platform: %1 (%2)</source>
        <translation>プラットフォーム: %1（%2）</translation>
    </message>
    <message>
        <source>About Quantforge</source>
        <translation>Quantforge について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Quantforge %1&lt;/h3&gt;&lt;p&gt;Chooses, produces and compares quantized GGUF models for your machine.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Quantforge %1&lt;/h3&gt;&lt;p&gt;お使いのマシンに合った量子化 GGUF モデルを選び、作成し、比較します。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Build and system information</source>
        <translation>ビルドとシステムの情報</translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation>詳細をコピー(&amp;C)</translation>
    </message>
</context>
<context>
    <name>qf::ui::CacheStorage</name>
    <message>
        <source>Could not remove %1</source>
        <translation>%1 を削除できませんでした</translation>
    </message>
</context>
<context>
    <name>qf::ui::ComparePage</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 を書き込めませんでした: %2</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>Cancel Evaluation</source>
        <translation>評価をキャンセル</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>テキスト(&amp;T):</translation>
    </message>
    <message>
        <source>Plain text to evaluate on</source>
        <translation>評価に使うプレーンテキスト</translation>
    </message>
    <message>
        <source>The text every file is evaluated on (default: the bundled evaluation text)</source>
        <translation>すべてのファイルの評価に使うテキスト（既定: 付属の評価テキスト）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Evaluation Text</source>
        <translation>評価テキスト</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>テキストファイル (*.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>C&amp;ontext:</source>
        <translation>コンテキスト(&amp;O):</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> トークン</translation>
    </message>
    <message>
        <source>Tokens per chunk, as llama-perplexity&apos;s -c</source>
        <translation>チャンクあたりのトークン数（llama-perplexity の -c と同じ）</translation>
    </message>
    <message>
        <source>&amp;Quick: first</source>
        <translation>クイック(&amp;Q): 先頭</translation>
    </message>
    <message>
        <source>Evaluate only the first chunks of the text: faster, with a larger ±</source>
        <translation>テキストの先頭チャンクだけを評価します。速くなりますが ± は大きくなります</translation>
    </message>
    <message>
        <source> chunks</source>
        <translation> チャンク</translation>
    </message>
    <message>
        <source>&amp;Evaluate</source>
        <translation>評価(&amp;E)</translation>
    </message>
    <message>
        <source>Measure perplexity, KL divergence and speed of the source and every quant listed under it (Ctrl+Enter)</source>
        <translation>元モデルとその下にあるすべての量子化ファイルのパープレキシティ、KL ダイバージェンス、速度を測定します（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop the evaluation (Esc); files already measured keep their results</source>
        <translation>評価を停止します（Esc）。測定済みのファイルは結果を保持します</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>グラフをエクスポート…</translation>
    </message>
    <message>
        <source>Export Table…</source>
        <translation>表をエクスポート…</translation>
    </message>
    <message>
        <source>Choose an evaluation text: the bundled one is not installed.</source>
        <translation>評価テキストを選んでください。付属のものはインストールされていません。</translation>
    </message>
    <message>
        <source>Could not read the evaluation text %1: %2</source>
        <translation>評価テキスト %1 を読み込めませんでした: %2</translation>
    </message>
    <message>
        <source>The evaluation text %1 is larger than %2.</source>
        <translation>評価テキスト %1 が %2 を超えています。</translation>
    </message>
    <message>
        <source>Some stored results could not be read and will be replaced when evaluated again:
%1</source>
        <translation>保存済みの結果の一部を読み込めませんでした。再評価時に置き換えられます:
%1</translation>
    </message>
    <message>
        <source>Select a model to compare its quants.</source>
        <translation>モデルを選ぶと、その量子化ファイルを比較できます。</translation>
    </message>
    <message>
        <source>No quants of this model are listed yet: produce some, or open them. Evaluate measures the source alone.</source>
        <translation>このモデルの量子化ファイルはまだありません。作成するか開いてください。「評価」は元モデルだけを測定します。</translation>
    </message>
    <message numerus="yes">
        <source>Not measured on this text and context yet. Evaluate measures the source and %n quant(s).</source>
        <translation>
            <numerusform>このテキストとコンテキストではまだ測定していません。「評価」は元モデルと %n 個の量子化ファイルを測定します。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 file(s) measured on %3, context %4.</source>
        <translation>
            <numerusform>%2 ファイル中 %1 ファイルを %3 で測定済み、コンテキスト %4。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a model first.</source>
        <translation>まずモデルを選んでください。</translation>
    </message>
    <message>
        <source>The evaluation text %1 does not exist.</source>
        <translation>評価テキスト %1 が存在しません。</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>評価中…</translation>
    </message>
    <message>
        <source>Evaluated in %1.</source>
        <translation>%1 で評価しました。</translation>
    </message>
    <message>
        <source>Evaluation failed.</source>
        <translation>評価に失敗しました。</translation>
    </message>
    <message>
        <source>Evaluation cancelled.</source>
        <translation>評価をキャンセルしました。</translation>
    </message>
    <message>
        <source>Waiting for the running job to finish…</source>
        <translation>実行中のジョブの完了を待っています…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>開始中…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <source>Results could not be stored beside the file, so they will not be shown next time:
%1</source>
        <translation>結果をファイルの横に保存できなかったため、次回は表示されません:
%1</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG 画像 (*.png);;SVG 画像 (*.svg)</translation>
    </message>
    <message>
        <source>CSV table (*.csv);;JSON (*.json)</source>
        <translation>CSV 表 (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>グラフをエクスポート</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>表をエクスポート</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>%1 をエクスポートしました。</translation>
    </message>
    <message>
        <source>Same prompt, side by side</source>
        <translation>同じプロンプトを並べて比較</translation>
    </message>
    <message>
        <source>Chunks to evaluate</source>
        <translation>評価するチャンク数</translation>
    </message>
    <message>
        <source>Chart metric</source>
        <translation>グラフの指標</translation>
    </message>
    <message>
        <source>Comparison table</source>
        <translation>比較表</translation>
    </message>
    <message>
        <source>Size against perplexity (lower is better)</source>
        <translation>サイズとパープレキシティ（低いほど良い）</translation>
    </message>
    <message>
        <source>Size against KL divergence (lower is better)</source>
        <translation>サイズと KL ダイバージェンス（低いほど良い）</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>カスタムミックス</translation>
    </message>
    <message>
        <source>Chart and table</source>
        <translation>グラフと表</translation>
    </message>
    <message>
        <source>Custom mix (predicted)</source>
        <translation>カスタムミックス（予測）</translation>
    </message>
</context>
<context>
    <name>qf::ui::ComparisonTableModel</name>
    <message>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <source>Perplexity on the evaluation text, with its ± (lower is better)</source>
        <translation>評価テキストでのパープレキシティと ±（低いほど良い）</translation>
    </message>
    <message>
        <source>Perplexity relative to the source</source>
        <translation>元モデルに対するパープレキシティ</translation>
    </message>
    <message>
        <source>Mean KL divergence from the source&apos;s predictions, with its ± (lower is better)</source>
        <translation>元モデルの予測との平均 KL ダイバージェンスと ±（低いほど良い）</translation>
    </message>
    <message>
        <source>How often the most likely next token is the same as the source&apos;s</source>
        <translation>最も確からしい次のトークンが元モデルと一致する割合</translation>
    </message>
    <message>
        <source>Prompt processing speed measured during the perplexity run</source>
        <translation>パープレキシティ測定中に計測したプロンプト処理速度</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>ビット/重み</translation>
    </message>
    <message>
        <source>PPL ±</source>
        <translation>PPL ±</translation>
    </message>
    <message>
        <source>ΔPPL</source>
        <translation>ΔPPL</translation>
    </message>
    <message>
        <source>Mean KLD ±</source>
        <translation>平均 KLD ±</translation>
    </message>
    <message>
        <source>Same top</source>
        <translation>首位一致</translation>
    </message>
    <message numerus="yes">
        <source>%1, context %2, %n chunk(s)</source>
        <translation>
            <numerusform>%1、コンテキスト %2、%n チャンク</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (source)</source>
        <translation>%1（元モデル）</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基準</translation>
    </message>
    <message>
        <source>%1%2 %</source>
        <translation>%1%2%</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Generation speed: %1 tokens one at a time after the start of the text</source>
        <translation>生成速度: テキストの冒頭に続けて %1 トークンを 1 つずつ生成</translation>
    </message>
    <message>
        <source>Prompt tok/s</source>
        <translation>プロンプト トークン/秒</translation>
    </message>
    <message>
        <source>Generation tok/s</source>
        <translation>生成 トークン/秒</translation>
    </message>
    <message>
        <source>Custom mix: predicted mean KLD %1 before it was made</source>
        <translation>カスタムミックス：作成前に予測した平均 KLD %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::DropOverlay</name>
    <message>
        <source>Drop models to open them</source>
        <translation>モデルをドロップして開く</translation>
    </message>
</context>
<context>
    <name>qf::ui::EmptyStateWidget</name>
    <message>
        <source>Try the sample model</source>
        <translation>サンプルモデルを試す</translation>
    </message>
    <message>
        <source>Drop GGUF models here</source>
        <translation>ここに GGUF モデルをドロップ</translation>
    </message>
    <message>
        <source>Quantforge finds the quantization of a model that fits your machine best, produces it and shows what it costs in quality.</source>
        <translation>Quantforge はお使いのマシンに最適なモデルの量子化を見つけて作成し、品質への影響を示します。</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>開く…</translation>
    </message>
</context>
<context>
    <name>qf::ui::EvaluateJobRunner</name>
    <message>
        <source>%1 (%2/%3)</source>
        <translation>%1（%2/%3）</translation>
    </message>
    <message>
        <source>Perplexity of %1</source>
        <translation>%1 のパープレキシティ</translation>
    </message>
    <message>
        <source>Reference outputs of %1</source>
        <translation>%1 の参照出力</translation>
    </message>
    <message>
        <source>KL divergence of %1</source>
        <translation>%1 の KL ダイバージェンス</translation>
    </message>
    <message>
        <source>Generation speed of %1</source>
        <translation>%1 の生成速度</translation>
    </message>
</context>
<context>
    <name>qf::ui::ExportPanel</name>
    <message>
        <source>Save Ollama Modelfile…</source>
        <translation>Ollama Modelfile を保存…</translation>
    </message>
    <message>
        <source>Create in Ollama…</source>
        <translation>Ollama で作成…</translation>
    </message>
    <message>
        <source>Copy to LM Studio…</source>
        <translation>LM Studio にコピー…</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>フォルダーに表示</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Write an Ollama Modelfile for this file: FROM, the chat template and the stop tokens.</source>
        <translation>このファイルの Ollama Modelfile を書き出します：FROM、チャットテンプレート、停止トークン。</translation>
    </message>
    <message>
        <source>Copy this file into LM Studio&apos;s models folder as publisher/model/file.gguf.</source>
        <translation>このファイルを publisher/model/file.gguf として LM Studio のモデルフォルダーにコピーします。</translation>
    </message>
    <message>
        <source>Show this file in the file manager.</source>
        <translation>このファイルをファイルマネージャーで表示します。</translation>
    </message>
    <message>
        <source>Use with</source>
        <translation>利用先</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>エクスポートの状態</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>エクスポートの進行状況</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>エクスポートをキャンセル</translation>
    </message>
    <message>
        <source>Ollama output</source>
        <translation>Ollama の出力</translation>
    </message>
    <message>
        <source>Export error</source>
        <translation>エクスポートのエラー</translation>
    </message>
    <message>
        <source>Ollama was not found on PATH. Install it from ollama.com to create the model in it directly.</source>
        <translation>PATH に Ollama が見つかりません。モデルを直接作成するには ollama.com からインストールしてください。</translation>
    </message>
    <message>
        <source>Create a model in Ollama from this file (ollama create).</source>
        <translation>このファイルから Ollama にモデルを作成します（ollama create）。</translation>
    </message>
    <message>
        <source>Save Ollama Modelfile</source>
        <translation>Ollama Modelfile を保存</translation>
    </message>
    <message>
        <source>The Modelfile was not saved</source>
        <translation>Modelfile を保存できませんでした</translation>
    </message>
    <message>
        <source>Saved the Modelfile as %1. Create the model with: ollama create NAME -f %2</source>
        <translation>Modelfile を %1 として保存しました。次のコマンドでモデルを作成できます：ollama create NAME -f %2</translation>
    </message>
    <message>
        <source>Create in Ollama</source>
        <translation>Ollama で作成</translation>
    </message>
    <message>
        <source>Model name in Ollama (letters, digits, &apos;.&apos;, &apos;-&apos;, &apos;_&apos;; an optional :tag):</source>
        <translation>Ollama でのモデル名（英字、数字、&apos;.&apos;、&apos;-&apos;、&apos;_&apos;。:tag は省略可）：</translation>
    </message>
    <message>
        <source>Not a model name Ollama accepts</source>
        <translation>Ollama が受け付けないモデル名です</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: use letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;, optionally followed by :tag.</source>
        <translation>「%1」：英字、数字、&apos;.&apos;、&apos;-&apos;、&apos;_&apos; を使ってください（後ろに :tag を付けられます）。</translation>
    </message>
    <message>
        <source>Ollama was not found</source>
        <translation>Ollama が見つかりません</translation>
    </message>
    <message>
        <source>No &quot;ollama&quot; program is on PATH.</source>
        <translation>PATH に「ollama」プログラムがありません。</translation>
    </message>
    <message>
        <source>The Modelfile was not written</source>
        <translation>Modelfile を書き出せませんでした</translation>
    </message>
    <message>
        <source>Creating %1 in Ollama…</source>
        <translation>Ollama で %1 を作成しています…</translation>
    </message>
    <message>
        <source>Cancelled creating %1 in Ollama.</source>
        <translation>Ollama での %1 の作成をキャンセルしました。</translation>
    </message>
    <message>
        <source>Created %1 in Ollama (exit code 0). Run it with: ollama run %1</source>
        <translation>Ollama に %1 を作成しました（exit code 0）。実行するには：ollama run %1</translation>
    </message>
    <message>
        <source>ollama create did not run or crashed</source>
        <translation>ollama create を実行できなかったか、クラッシュしました</translation>
    </message>
    <message>
        <source>ollama create failed with exit code %1</source>
        <translation>ollama create が失敗しました（exit code %1）</translation>
    </message>
    <message>
        <source>LM Studio&apos;s models folder</source>
        <translation>LM Studio のモデルフォルダー</translation>
    </message>
    <message>
        <source>Copy to LM Studio</source>
        <translation>LM Studio にコピー</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 は既に存在します。置き換えますか？</translation>
    </message>
    <message>
        <source>Copied to %1. LM Studio lists it under My Models.</source>
        <translation>%1 にコピーしました。LM Studio の「My Models」に表示されます。</translation>
    </message>
    <message>
        <source>The copy to LM Studio failed</source>
        <translation>LM Studio へのコピーに失敗しました</translation>
    </message>
    <message>
        <source>Cancelled the copy to LM Studio; nothing was left behind.</source>
        <translation>LM Studio へのコピーをキャンセルしました。何も残っていません。</translation>
    </message>
    <message>
        <source>Copying %1 to %2…</source>
        <translation>%1 を %2 にコピーしています…</translation>
    </message>
</context>
<context>
    <name>qf::ui::GenerateJobRunner</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Unexpected error while generating: %1</source>
        <translation>生成中に予期しないエラーが発生しました: %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::HfCache</name>
    <message>
        <source>Converting %1 to F16 for evaluation…</source>
        <translation>評価のため %1 を F16 に変換しています…</translation>
    </message>
</context>
<context>
    <name>qf::ui::ImatrixChooser</name>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>From file</source>
        <translation>ファイルから</translation>
    </message>
    <message>
        <source>Compute from text</source>
        <translation>テキストから計算</translation>
    </message>
    <message>
        <source>An importance matrix (from llama-imatrix, or computed here from calibration text) weights each column by how much it matters on real text; it usually improves the smaller presets.</source>
        <translation>重要度行列（llama-imatrix 製、またはここでキャリブレーション用テキストから計算）は、実際のテキストでの重要度に応じて各列を重み付けします。通常、小さいプリセットの品質が向上します。</translation>
    </message>
    <message>
        <source>Importance matrix source</source>
        <translation>重要度行列の取得元</translation>
    </message>
    <message>
        <source>imatrix.dat or imatrix.gguf</source>
        <translation>imatrix.dat または imatrix.gguf</translation>
    </message>
    <message>
        <source>Importance matrix file</source>
        <translation>重要度行列ファイル</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Choose the importance matrix file</source>
        <translation>重要度行列ファイルを選択</translation>
    </message>
    <message>
        <source>Calibration text (.txt or .txt.zst)</source>
        <translation>キャリブレーション用テキスト（.txt または .txt.zst）</translation>
    </message>
    <message>
        <source>Text the model reads to measure which weights matter; the bundled text is public-domain prose. Use text like what the model will see.</source>
        <translation>どの重みが重要かを測るためにモデルが読むテキストです。同梱のテキストはパブリックドメインの散文です。モデルが実際に扱う内容に近いテキストを使ってください。</translation>
    </message>
    <message>
        <source>Calibration text file</source>
        <translation>キャリブレーション用テキストファイル</translation>
    </message>
    <message>
        <source>Choose the calibration text</source>
        <translation>キャリブレーション用テキストを選択</translation>
    </message>
    <message>
        <source>Importance matrix progress</source>
        <translation>重要度行列の進捗</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop computing the importance matrix</source>
        <translation>重要度行列の計算を停止</translation>
    </message>
    <message>
        <source>Importance matrix status</source>
        <translation>重要度行列の状態</translation>
    </message>
    <message>
        <source>Reading the importance matrix…</source>
        <translation>重要度行列を読み込み中…</translation>
    </message>
    <message>
        <source>Choose a readable importance matrix file, or set it to None.</source>
        <translation>読み込める重要度行列ファイルを選ぶか、「なし」にしてください。</translation>
    </message>
    <message>
        <source>Computing the importance matrix (see above)…</source>
        <translation>重要度行列を計算中（上を参照）…</translation>
    </message>
    <message>
        <source>Importance Matrix</source>
        <translation>重要度行列</translation>
    </message>
    <message>
        <source>Importance matrices (*.dat *.gguf);;All files (*)</source>
        <translation>重要度行列 (*.dat *.gguf);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose an importance matrix file.</source>
        <translation>重要度行列ファイルを選んでください。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 項目</numerusform>
        </translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 項目</translation>
    </message>
    <message>
        <source>%1, %2 chunks</source>
        <translation>%1、%2 チャンク</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Calibration Text</source>
        <translation>キャリブレーション用テキスト</translation>
    </message>
    <message>
        <source>Text files (*.txt *.txt.zst *.zst);;All files (*)</source>
        <translation>テキストファイル (*.txt *.txt.zst *.zst);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose a calibration text.</source>
        <translation>キャリブレーション用テキストを選択してください。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 は存在しません。</translation>
    </message>
    <message>
        <source>Computed from %1 once a model is selected.</source>
        <translation>モデルを選択すると %1 から計算されます。</translation>
    </message>
    <message>
        <source>Computing from %1…</source>
        <translation>%1 から計算中…</translation>
    </message>
    <message>
        <source>Computing from %1: %2</source>
        <translation>%1 から計算中: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n entries over %1 chunks of %2, perplexity %3</source>
        <translation>
            <numerusform>%n 件のエントリ（%2 の %1 チャンク）、パープレキシティ %3</numerusform>
        </translation>
    </message>
    <message>
        <source> (computed before)</source>
        <translation>（計算済み）</translation>
    </message>
    <message>
        <source> (%1 s)</source>
        <translation>（%1 秒）</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>%1 として保存しました</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>計算</translation>
    </message>
    <message>
        <source>Compute the importance matrix now (producing also computes it first)</source>
        <translation>重要度行列を今すぐ計算します（作成時にも先に計算されます）</translation>
    </message>
    <message>
        <source>Choose a calibration text for the importance matrix, or set it to None.</source>
        <translation>重要度行列のキャリブレーションテキストを選ぶか、「なし」にしてください。</translation>
    </message>
    <message>
        <source>Computed from %1 when you produce, or press Compute.</source>
        <translation>作成時に %1 から計算します。「計算」で今すぐ計算できます。</translation>
    </message>
    <message>
        <source>Stopped. Press Compute to compute again, or set it to None.</source>
        <translation>停止しました。「計算」で再計算するか、「なし」にしてください。</translation>
    </message>
</context>
<context>
    <name>qf::ui::ImatrixComputeJob</name>
    <message>
        <source>chunk %1 of %2, perplexity %3</source>
        <translation>チャンク %1/%2、パープレキシティ %3</translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation>%1 を読み込み中</translation>
    </message>
    <message>
        <source>Unexpected error while computing the importance matrix: %1</source>
        <translation>重要度行列の計算中に予期しないエラーが発生しました: %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::ImatrixLoadJob</name>
    <message>
        <source>Unexpected error while reading %1: %2</source>
        <translation>%1 の読み込み中に予期しないエラー: %2</translation>
    </message>
</context>
<context>
    <name>qf::ui::JobQueueWidget</name>
    <message>
        <source>No jobs yet. Choose presets above and press Start (Ctrl+Enter).</source>
        <translation>ジョブはまだありません。上でプリセットを選び「開始」（Ctrl+Enter）を押してください。</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>完了分を消去</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>ジョブ</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 件実行中</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 件待機中</translation>
    </message>
    <message>
        <source>%1 finished</source>
        <translation>%1 件完了</translation>
    </message>
</context>
<context>
    <name>qf::ui::JobRowWidget</name>
    <message>
        <source>from %1</source>
        <translation>%1 から</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>フォルダーで表示</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%2 から %1</translation>
    </message>
    <message>
        <source>Stop this job (Esc); nothing is left behind</source>
        <translation>このジョブを停止します（Esc）。何も残りません</translation>
    </message>
    <message>
        <source>Open the folder with the produced files in the file manager</source>
        <translation>作成したファイルのフォルダーをファイルマネージャーで開きます</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Starts when the job before it has finished.</source>
        <translation>前のジョブが終わると開始します。</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>計画中…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Done in %1</source>
        <translation>%1 で完了</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>何も書き込まれていません。</translation>
    </message>
</context>
<context>
    <name>qf::ui::LoraMergeJob</name>
    <message>
        <source>Unknown preset %1</source>
        <translation>不明なプリセット %1</translation>
    </message>
    <message>
        <source>Unexpected error while merging: %1</source>
        <translation>マージ中に予期しないエラー: %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::LoraMergePanel</name>
    <message>
        <source>Apply a LoRA adapter…</source>
        <translation>LoRA アダプターを適用…</translation>
    </message>
    <message>
        <source>Dequantize the base to F16 first</source>
        <translation>先にベースを F16 へ逆量子化</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>マージ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Merge a LoRA adapter (a PEFT folder or a GGUF LoRA) into this model</source>
        <translation>LoRA アダプター（PEFT フォルダーまたは GGUF LoRA）をこのモデルにマージ</translation>
    </message>
    <message>
        <source>PEFT Adapter Folder…</source>
        <translation>PEFT アダプターフォルダー…</translation>
    </message>
    <message>
        <source>GGUF LoRA File…</source>
        <translation>GGUF LoRA ファイル…</translation>
    </message>
    <message>
        <source>Apply a LoRA adapter</source>
        <translation>LoRA アダプターを適用</translation>
    </message>
    <message>
        <source>The base is quantized: widen it to F16, merge the adapter, then quantize once with the chosen presets</source>
        <translation>ベースは量子化済みです: F16 に広げてからアダプターをマージし、選んだプリセットで 1 回だけ量子化します</translation>
    </message>
    <message>
        <source>Merge the adapter into the model</source>
        <translation>アダプターをモデルにマージ</translation>
    </message>
    <message>
        <source>Merge progress</source>
        <translation>マージの進行状況</translation>
    </message>
    <message>
        <source>Cancel the merge</source>
        <translation>マージをキャンセル</translation>
    </message>
    <message>
        <source>Merge error</source>
        <translation>マージのエラー</translation>
    </message>
    <message>
        <source>LoRA adapter</source>
        <translation>LoRA アダプター</translation>
    </message>
    <message>
        <source>PEFT Adapter Folder (adapter_config.json + adapter_model.safetensors)</source>
        <translation>PEFT アダプターフォルダー（adapter_config.json + adapter_model.safetensors）</translation>
    </message>
    <message>
        <source>GGUF LoRA Adapter</source>
        <translation>GGUF LoRA アダプター</translation>
    </message>
    <message>
        <source>GGUF files (*.gguf);;All files (*)</source>
        <translation>GGUF ファイル (*.gguf);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>未選択</translation>
    </message>
    <message>
        <source>Into the chosen presets</source>
        <translation>選んだプリセットへ</translation>
    </message>
    <message>
        <source>The adapter could not be merged</source>
        <translation>アダプターをマージできませんでした</translation>
    </message>
    <message>
        <source>Choose a LoRA adapter first: a PEFT folder or a GGUF LoRA file.</source>
        <translation>先に LoRA アダプターを選んでください: PEFT フォルダーまたは GGUF LoRA ファイル。</translation>
    </message>
    <message>
        <source>%1 exists already.</source>
        <translation>%1 は既に存在します。</translation>
    </message>
    <message>
        <source>Replace and Merge</source>
        <translation>置き換えてマージ</translation>
    </message>
    <message>
        <source>Waiting for the running job…</source>
        <translation>実行中のジョブを待っています…</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>マージ中…</translation>
    </message>
    <message>
        <source>Merging: %1</source>
        <translation>マージ中: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n weight(s) merged into %1</source>
        <translation>
            <numerusform>%n 個の重みを %1 にマージしました</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n quantized tensor(s) widened to F16)</source>
        <translation>
            <numerusform>（量子化テンソル %n 個を F16 に拡張）</numerusform>
        </translation>
    </message>
    <message>
        <source>Dequantize and Merge</source>
        <translation>逆量子化してマージ</translation>
    </message>
    <message>
        <source>Merge cancelled.</source>
        <translation>マージをキャンセルしました。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <source>Choose presets in the table above to quantize the merged model straight into them</source>
        <translation>上の表でプリセットを選ぶと、マージしたモデルをそのまま量子化できます</translation>
    </message>
    <message>
        <source>Quantize the merged weights straight into %1, in one pass; otherwise the merged model keeps the base&apos;s float types</source>
        <translation>マージした重みを 1 回のパスで %1 へ直接量子化します。そうでなければマージ後のモデルはベースの浮動小数点型のままです</translation>
    </message>
    <message>
        <source>The Adapter&apos;s Base Model Folder (config.json)</source>
        <translation>アダプターのベースモデルのフォルダー（config.json）</translation>
    </message>
    <message>
        <source>Choose the Base Folder…</source>
        <translation>ベースフォルダーを選択…</translation>
    </message>
</context>
<context>
    <name>qf::ui::MachineCardWidget</name>
    <message>
        <source>Machine</source>
        <translation>マシン</translation>
    </message>
    <message>
        <source>Unified memory (the GPU shares the RAM)</source>
        <translation>ユニファイドメモリ（GPU が RAM を共有）</translation>
    </message>
    <message>
        <source>Detecting this machine…</source>
        <translation>このマシンを検出中…</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>このマシン</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>カスタム</translation>
    </message>
    <message>
        <source>No GPU</source>
        <translation>GPU なし</translation>
    </message>
    <message>
        <source>Memory of the GPUs used; for unified memory the GPU&apos;s working-set limit</source>
        <translation>使用する GPU のメモリ。ユニファイドメモリでは GPU のワーキングセット上限</translation>
    </message>
    <message>
        <source>RAM kept for the operating system and other programs</source>
        <translation>OS やほかのプログラム用に確保する RAM</translation>
    </message>
    <message>
        <source>Plan for:</source>
        <translation>計画対象:</translation>
    </message>
    <message>
        <source>RAM:</source>
        <translation>RAM:</translation>
    </message>
    <message>
        <source>GPU memory:</source>
        <translation>GPU メモリ:</translation>
    </message>
    <message>
        <source>Kept for the OS:</source>
        <translation>OS 用に確保:</translation>
    </message>
    <message>
        <source>CPU: %1, %2 threads%3</source>
        <translation>CPU: %1、%2 スレッド%3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>RAM: %1 (%2 available)</source>
        <translation>RAM: %1（空き %2）</translation>
    </message>
    <message>
        <source>memory not reported</source>
        <translation>メモリ容量不明</translation>
    </message>
    <message>
        <source>shares RAM, up to %1</source>
        <translation>RAM を共有、最大 %1</translation>
    </message>
    <message>
        <source>%1 VRAM</source>
        <translation>VRAM %1</translation>
    </message>
    <message>
        <source> (estimate)</source>
        <translation>（推定）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>GPU: none found</source>
        <translation>GPU: 見つかりません</translation>
    </message>
    <message>
        <source>GPU: %1</source>
        <translation>GPU: %1</translation>
    </message>
    <message>
        <source>Detected: %1 · %2 · %3</source>
        <translation>検出: %1 · %2 · %3</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Custom machine</source>
        <translation>カスタムマシン</translation>
    </message>
    <message>
        <source>Sizes in GB of 10⁹ bytes: a card sold as 8 GB has 8.6 GB.</source>
        <translation>サイズは 10⁹ バイト単位の GB です。8 GB として販売されるカードは 8.6 GB あります。</translation>
    </message>
    <message>
        <source>%1 of GPU memory is kept for the driver and desktop (estimate).</source>
        <translation>GPU メモリのうち %1 をドライバーとデスクトップ用に確保します（推定）。</translation>
    </message>
    <message>
        <source>The GPU&apos;s working-set limit is Metal&apos;s default for this much RAM (estimate; sysctl iogpu.wired_limit_mb changes it).</source>
        <translation>GPU のワーキングセット上限は、この RAM 容量に対する Metal の既定値です（推定。sysctl iogpu.wired_limit_mb で変更できます）。</translation>
    </message>
</context>
<context>
    <name>qf::ui::MainWindow</name>
    <message>
        <source>Quantforge</source>
        <translation>Quantforge</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open one or more GGUF models</source>
        <translation>1 つ以上の GGUF モデルを開く</translation>
    </message>
    <message>
        <source>Open &amp;Sample Model</source>
        <translation>サンプルモデルを開く(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Remove from List</source>
        <translation>一覧から削除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Quantforge</source>
        <translation>Quantforge について(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>A job is still running. Cancel it and close Quantforge?</source>
        <translation>ジョブが実行中です。キャンセルして Quantforge を閉じますか？</translation>
    </message>
    <message numerus="yes">
        <source>%n jobs are still running or waiting. Cancel them and close Quantforge?</source>
        <translation>
            <numerusform>%n 件のジョブが実行中または待機中です。キャンセルして Quantforge を閉じますか？</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel Running Jobs?</source>
        <translation>実行中のジョブをキャンセルしますか？</translation>
    </message>
    <message>
        <source>Files of cancelled jobs are not written; finished files are kept.</source>
        <translation>キャンセルしたジョブのファイルは書き込まれません。完成したファイルは残ります。</translation>
    </message>
    <message>
        <source>Cancel Jobs and Close</source>
        <translation>ジョブをキャンセルして閉じる</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>実行を続ける</translation>
    </message>
    <message>
        <source>Reading 1 model…</source>
        <translation>1 個のモデルを読み込み中…</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n models…</source>
        <translation>
            <numerusform>%n 個のモデルを読み込み中…</numerusform>
        </translation>
    </message>
    <message>
        <source>The sample model is not installed (looked in %1).</source>
        <translation>サンプルモデルがインストールされていません（%1 を検索しました）。</translation>
    </message>
    <message>
        <source>Opened %1 (%2) in %3 ms</source>
        <translation>%1（%2）を %3 ミリ秒で開きました</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 を開けませんでした</translation>
    </message>
    <message>
        <source>Produced %1</source>
        <translation>%1 を作成しました</translation>
    </message>
    <message numerus="yes">
        <source>Produced %n files</source>
        <translation>
            <numerusform>%n 個のファイルを作成しました</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Models</source>
        <translation>モデルを開く</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF モデル (*.gguf);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>メニューを消去(&amp;C)</translation>
    </message>
    <message>
        <source>%1 — Quantforge</source>
        <translation>%1 — Quantforge</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>The opened models and the files made from them</source>
        <translation>開いたモデルと、それから作成したファイル</translation>
    </message>
    <message>
        <source>Open models</source>
        <translation>モデルを開く</translation>
    </message>
    <message>
        <source>Remove the selected model from the list</source>
        <translation>選択したモデルを一覧から削除</translation>
    </message>
    <message>
        <source>Show the %1 page</source>
        <translation>「%1」ページを表示</translation>
    </message>
    <message>
        <source>Start producing (Produce page)</source>
        <translation>作成を開始（「作成」ページ）</translation>
    </message>
    <message>
        <source>Cancel the focused job</source>
        <translation>フォーカスのあるジョブをキャンセル</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>%1 is a LoRA adapter: open the model to merge it into first, then add the adapter again</source>
        <translation>%1 は LoRA アダプターです: 先にマージ先のモデルを開いてから、もう一度アダプターを追加してください</translation>
    </message>
    <message>
        <source>LoRA adapter %1 chosen: Merge puts it into %2</source>
        <translation>LoRA アダプター %1 を選択しました: 「マージ」で %2 に取り込みます</translation>
    </message>
</context>
<context>
    <name>qf::ui::MixPredictJob</name>
    <message>
        <source>A custom mix is made from a GGUF file; convert this folder first.</source>
        <translation>カスタムミックスは GGUF ファイルから作成します。先にこのフォルダーを変換してください。</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelCardWidget</name>
    <message>
        <source>Architecture</source>
        <translation>アーキテクチャ</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメーター</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>レイヤー</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>アテンションヘッド</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>埋め込み</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>コンテキスト</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>語彙</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>ファイル形式</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation>重みあたりのビット数</translation>
    </message>
    <message>
        <source>Bytes by tensor type</source>
        <translation>テンソル型ごとのバイト数</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n shards)</source>
        <translation>
            <numerusform>%1（%n 分割）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · GGUF v%2</source>
        <translation>%1 · GGUF v%2</translation>
    </message>
    <message>
        <source>%1 (%2 KV)</source>
        <translation>%1（%2 KV）</translation>
    </message>
    <message>
        <source>%1, %2 experts</source>
        <translation>%1、%2 エキスパート</translation>
    </message>
    <message>
        <source>%1 (feed-forward %2)</source>
        <translation>%1（フィードフォワード %2）</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 トークン</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>%1 bytes in the file, %2 bytes of tensor data</source>
        <translation>ファイル %1 バイト、テンソルデータ %2 バイト</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>&lt; %1 %</source>
        <translation>&lt; %1%</translation>
    </message>
    <message>
        <source>&gt; %1 %</source>
        <translation>&gt; %1%</translation>
    </message>
    <message>
        <source>1 tensor</source>
        <translation>1 テンソル</translation>
    </message>
    <message numerus="yes">
        <source>%n tensors</source>
        <translation>
            <numerusform>%n テンソル</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · Hugging Face folder, read as F16</source>
        <translation>%1 · Hugging Face フォルダー（F16 として読み込み）</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelCopyJob</name>
    <message>
        <source>Unexpected error while copying: %1</source>
        <translation>コピー中に予期しないエラーが発生しました：%1</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelListModel</name>
    <message>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>カスタムミックス</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelLoadJob</name>
    <message>
        <source>Unexpected error while reading %1: %2</source>
        <translation>%1 の読み込み中に予期しないエラー: %2</translation>
    </message>
</context>
<context>
    <name>qf::ui::OverviewPage</name>
    <message>
        <source>Filter tensors by name, e.g. attn_k or blk.0.</source>
        <translation>名前でテンソルを絞り込み（例: attn_k、blk.0.）</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>1 tensor</source>
        <translation>1 テンソル</translation>
    </message>
    <message numerus="yes">
        <source>%n tensors</source>
        <translation>
            <numerusform>%n テンソル</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of 1 tensor</source>
        <translation>%1 / 1 テンソル</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n tensors</source>
        <translation>
            <numerusform>%1 / %n テンソル</numerusform>
        </translation>
    </message>
    <message>
        <source>A Hugging Face folder is not a GGUF file: produce a quant from it on the Produce page, then export the quant.</source>
        <translation>Hugging Face フォルダーは GGUF ファイルではありません。「作成」ページでクオンタイズしたモデルを作成してから、そのモデルをエクスポートしてください。</translation>
    </message>
    <message>
        <source>Tensor filter</source>
        <translation>テンソルの絞り込み</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>テンソル</translation>
    </message>
</context>
<context>
    <name>qf::ui::PresetPlanJob</name>
    <message>
        <source>%1 stores the experts of a mixture-of-experts model as MXFP4; this model has none, so every tensor is Q8_0, as with the Q8_0 preset.</source>
        <translation>%1 は MoE モデルのエキスパートを MXFP4 で保存します。このモデルにはエキスパートがないため、すべてのテンソルが Q8_0 になり、Q8_0 プリセットと同じです。</translation>
    </message>
    <message numerus="yes">
        <source>%n of the importance matrix&apos;s entries name no tensor of this model (e.g. %1); they are not used. Was it made for another model?</source>
        <translation>
            <numerusform>重要度行列の %n 個のエントリがこのモデルのテンソルを指していません (例: %1)。使われません。別のモデル用に作られたものですか?</numerusform>
        </translation>
    </message>
    <message>
        <source>No entry of the importance matrix names a tensor of this model: quantizing without it.</source>
        <translation>重要度行列のどのエントリもこのモデルのテンソルを指していません: 行列なしで量子化します。</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) have rows that do not fit the wanted type&apos;s blocks and use a fallback type.</source>
        <translation>
            <numerusform>%n 個のテンソルの行が目的の型のブロックに合わないため、代替の型を使います。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The importance matrix has no entry for %n quantized tensor(s), e.g. %1; they are quantized without it.</source>
        <translation>
            <numerusform>重要度行列には量子化する %n 個のテンソルのエントリがありません (例: %1)。行列なしで量子化します。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qf::ui::PresetTableModel</name>
    <message>
        <source>The model already is %1: this would only copy it.</source>
        <translation>モデルはすでに %1 です。コピーされるだけです。</translation>
    </message>
    <message>
        <source>Cannot be made from this model: %1</source>
        <translation>このモデルからは作成できません: %1</translation>
    </message>
    <message>
        <source>%1 bytes, exactly</source>
        <translation>正確に %1 バイト</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>ビット/重み</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>注記</translation>
    </message>
    <message>
        <source>Same file as %1 on this model: its rows do not fit this preset&apos;s blocks (%2).</source>
        <translation>このモデルでは %1 と同じファイルになります。行がこのプリセットのブロックに合いません（%2）。</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) use a fallback type: %1.</source>
        <translation>
            <numerusform>%n 個のテンソルが代替の型を使います：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Needs an importance matrix: check it to compute one from text, or choose one below.</source>
        <translation>重要度行列が必要です: チェックするとテキストから計算します。または下で選んでください。</translation>
    </message>
    <message>
        <source>Same file as %1 on this model: every tensor gets the same type.</source>
        <translation>このモデルでは %1 と同じファイルです: すべてのテンソルが同じ型になります。</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>約 %1</translation>
    </message>
    <message>
        <source>%1 bytes, and the importance matrix&apos;s name, its text&apos;s name and two counts in the metadata (a few hundred bytes more)</source>
        <translation>%1 バイト、さらにメタデータに重要度行列の名前、そのテキストの名前、2 つのカウント（数百バイト増）</translation>
    </message>
</context>
<context>
    <name>qf::ui::PresetText</name>
    <message>
        <source>32-bit floats: exact, four times the size of 8-bit</source>
        <translation>32 ビット浮動小数点：正確、8 ビットの 4 倍のサイズ</translation>
    </message>
    <message>
        <source>16-bit floats: the usual unquantized model</source>
        <translation>16 ビット浮動小数点：通常の非量子化モデル</translation>
    </message>
    <message>
        <source>bfloat16: the range of F32 at half its size, unquantized</source>
        <translation>bfloat16：F32 の範囲を半分のサイズで、非量子化</translation>
    </message>
    <message>
        <source>8-bit: nearly indistinguishable from F16, half its size</source>
        <translation>8 ビット：F16 とほぼ区別できず、サイズは半分</translation>
    </message>
    <message>
        <source>6-bit K-quant: very close to F16</source>
        <translation>6 ビット K 量子化：F16 に非常に近い</translation>
    </message>
    <message>
        <source>5-bit K-quant, with 6-bit for half of attn_v and ffn_down: high quality</source>
        <translation>5 ビット K 量子化、attn_v と ffn_down の半分は 6 ビット：高品質</translation>
    </message>
    <message>
        <source>5-bit K-quant throughout: high quality, a little smaller</source>
        <translation>すべて 5 ビット K 量子化：高品質、少し小さい</translation>
    </message>
    <message>
        <source>legacy 5-bit with offsets: superseded by Q5_K_M</source>
        <translation>旧式のオフセット付き 5 ビット：Q5_K_M に置き換えられました</translation>
    </message>
    <message>
        <source>legacy 5-bit: superseded by Q5_K_S</source>
        <translation>旧式の 5 ビット：Q5_K_S に置き換えられました</translation>
    </message>
    <message>
        <source>4-bit K-quant, with 6-bit for half of attn_v and ffn_down: the usual balance of size and quality</source>
        <translation>4 ビット K 量子化、attn_v と ffn_down の半分は 6 ビット：サイズと品質の標準的なバランス</translation>
    </message>
    <message>
        <source>4-bit K-quant, a few 5-bit tensors: smaller, a bit worse</source>
        <translation>4 ビット K 量子化、一部 5 ビット：小さめ、やや劣る</translation>
    </message>
    <message>
        <source>legacy 4-bit with offsets: superseded by Q4_K_M</source>
        <translation>旧式のオフセット付き 4 ビット：Q4_K_M に置き換えられました</translation>
    </message>
    <message>
        <source>4-bit non-linear, blocks of 32: Q4_0&apos;s size with better quality</source>
        <translation>4 ビット非線形、32 要素ブロック：Q4_0 のサイズでより高品質</translation>
    </message>
    <message>
        <source>legacy 4-bit: fast on many back ends, lower quality</source>
        <translation>旧式の 4 ビット：多くのバックエンドで高速、品質は低め</translation>
    </message>
    <message>
        <source>4.25-bit non-linear: close to Q4_K_S quality, smaller</source>
        <translation>4.25 ビット非線形：Q4_K_S に近い品質で、より小さい</translation>
    </message>
    <message>
        <source>3-bit K-quant, 5-bit attn_v, attn_output and ffn_down: the best 3-bit</source>
        <translation>3 ビット K 量子化、attn_v・attn_output・ffn_down は 5 ビット：最良の 3 ビット</translation>
    </message>
    <message>
        <source>3-bit K-quant, 4/5-bit for sensitive tensors</source>
        <translation>3 ビット K 量子化、敏感なテンソルは 4/5 ビット</translation>
    </message>
    <message>
        <source>3-bit K-quant throughout: small, noticeable loss</source>
        <translation>すべて 3 ビット K 量子化：小さいが劣化が目立つ</translation>
    </message>
    <message>
        <source>mixture-of-experts only: experts in MXFP4 (4-bit floats, as gpt-oss ships), the rest 8-bit</source>
        <translation>MoE 専用: エキスパートは MXFP4 (gpt-oss の配布形式の 4 ビット浮動小数点)、残りは 8 ビット</translation>
    </message>
    <message>
        <source>3.4-bit codebook quant, 4-bit attention: about Q3_K_M quality, smaller; best with an imatrix</source>
        <translation>3.4 ビットのコードブック量子化、アテンションは 4 ビット: Q3_K_M 程度の品質でより小さい。重要度行列があると最適</translation>
    </message>
    <message>
        <source>3.4-bit codebook quant: better than Q3_K_S at its size; best with an imatrix</source>
        <translation>3.4 ビットのコードブック量子化: 同じサイズの Q3_K_S より良い。重要度行列があると最適</translation>
    </message>
    <message>
        <source>3.3-bit codebook mix: needs an imatrix; a little smaller than IQ3_S</source>
        <translation>3.3 ビットのコードブック混合: 重要度行列が必要。IQ3_S より少し小さい</translation>
    </message>
    <message>
        <source>3.06-bit codebook quant: needs an imatrix; near Q3_K_S quality at Q2_K&apos;s size</source>
        <translation>3.06 ビットのコードブック量子化: 重要度行列が必要。Q2_K のサイズで Q3_K_S に近い品質</translation>
    </message>
    <message>
        <source>2-bit K-quant with 3-bit for sensitive tensors: smallest K-quant, large loss</source>
        <translation>2 ビット K-quant、敏感なテンソルは 3 ビット: 最小の K-quant、大きな劣化</translation>
    </message>
    <message>
        <source>2-bit K-quant, fewer 3/4-bit tensors: needs an imatrix; IQ2_M is better at its size</source>
        <translation>2 ビット K-quant、3/4 ビットのテンソルが少ない: 重要度行列が必要。同じサイズなら IQ2_M が良い</translation>
    </message>
    <message>
        <source>2.7-bit codebook mix: needs an imatrix; the usable floor for big models on small machines</source>
        <translation>2.7 ビットのコードブック混合: 重要度行列が必要。小さなマシンで大きなモデルを使う実用的な下限</translation>
    </message>
    <message>
        <source>2.5-bit codebook mix: needs an imatrix; clearly worse than IQ2_M</source>
        <translation>2.5 ビットのコードブック混合: 重要度行列が必要。IQ2_M より明らかに劣る</translation>
    </message>
    <message>
        <source>2.3-bit codebook quant: needs an imatrix; large loss</source>
        <translation>2.3 ビットのコードブック量子化: 重要度行列が必要。大きな劣化</translation>
    </message>
    <message>
        <source>2.06-bit codebook quant: needs an imatrix; large loss, only for very large models</source>
        <translation>2.06 ビットのコードブック量子化: 重要度行列が必要。大きな劣化、非常に大きなモデル向け</translation>
    </message>
    <message>
        <source>1.75-bit: needs an imatrix; severe loss, a last resort for huge models</source>
        <translation>1.75 ビット: 重要度行列が必要。深刻な劣化、巨大モデルの最後の手段</translation>
    </message>
    <message>
        <source>1.56-bit: needs an imatrix; severe loss, mostly an experiment</source>
        <translation>1.56 ビット: 重要度行列が必要。深刻な劣化、ほぼ実験用</translation>
    </message>
    <message>
        <source>2-bit levels -1..2 per 64 values: only for models trained for it; unusable on ordinary models</source>
        <translation>64 値ごとに 2 ビットのレベル -1..2: それ用に学習したモデル専用。通常のモデルでは使えない</translation>
    </message>
    <message>
        <source>ternary, 2 bits per weight: only for ternary-trained models (BitNet b1.58, TriLM)</source>
        <translation>3 値、重みあたり 2 ビット: 3 値で学習したモデル専用 (BitNet b1.58、TriLM)</translation>
    </message>
    <message>
        <source>ternary, 1.69 bits per weight: only for ternary-trained models (BitNet b1.58, TriLM)</source>
        <translation>3 値、重みあたり 1.69 ビット: 3 値で学習したモデル専用 (BitNet b1.58、TriLM)</translation>
    </message>
    <message>
        <source>1-bit signs per 128 values: only for models trained for it; unusable on ordinary models</source>
        <translation>128 値ごとに 1 ビットの符号: それ用に学習したモデル専用。通常のモデルでは使えない</translation>
    </message>
</context>
<context>
    <name>qf::ui::ProducePage</name>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Produce the chosen presets in one pass over the model (Ctrl+Enter)</source>
        <translation>選んだプリセットをモデルの 1 回の読み込みで作成します（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Beside Model</source>
        <translation>モデルと同じ場所</translation>
    </message>
    <message>
        <source>Write new files into the folder of the model they are made from</source>
        <translation>新しいファイルを元のモデルと同じフォルダーに書き込みます</translation>
    </message>
    <message>
        <source>of %1 on this machine</source>
        <translation>（このマシンでは %1）</translation>
    </message>
    <message>
        <source>&amp;Importance matrix:</source>
        <translation>重要度行列(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>出力フォルダー(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>スレッド(&amp;T):</translation>
    </message>
    <message>
        <source>Produce</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>Beside the model</source>
        <translation>モデルと同じ場所</translation>
    </message>
    <message>
        <source>Output Folder for New Quants</source>
        <translation>新しい量子化ファイルの出力フォルダー</translation>
    </message>
    <message>
        <source>%1 is already quantized</source>
        <translation>%1 はすでに量子化されています</translation>
    </message>
    <message>
        <source>Quantizing a quantized model again loses quality, so no preset is offered for it. Open the F16, BF16 or F32 original of this model and produce from that.

%1</source>
        <translation>量子化済みのモデルを再度量子化すると品質が落ちるため、プリセットは表示されません。このモデルの F16、BF16、F32 の元ファイルを開いて、そこから作成してください。

%1</translation>
    </message>
    <message>
        <source>No preset can be made from this model</source>
        <translation>このモデルからはどのプリセットも作成できません</translation>
    </message>
    <message>
        <source>Select a model in the list first.</source>
        <translation>まず一覧からモデルを選んでください。</translation>
    </message>
    <message>
        <source>Working out the sizes…</source>
        <translation>サイズを計算中…</translation>
    </message>
    <message>
        <source>Nothing can be produced from this model (see above).</source>
        <translation>このモデルからは何も作成できません（上記参照）。</translation>
    </message>
    <message>
        <source>Choose one or more presets above.</source>
        <translation>上で 1 つ以上のプリセットを選んでください。</translation>
    </message>
    <message>
        <source>%1 is already being produced by a job in the queue.</source>
        <translation>%1 はキュー内のジョブですでに作成中です。</translation>
    </message>
    <message>
        <source>The output folder %1 does not exist.</source>
        <translation>出力フォルダー %1 が存在しません。</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 ファイル</translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n ファイル</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 in total, into %3</source>
        <translation>%1、合計 %2、出力先 %3</translation>
    </message>
    <message>
        <source>%1 already exists in %2. Replace it?</source>
        <translation>%1 は %2 にすでに存在します。置き換えますか？</translation>
    </message>
    <message>
        <source>These files already exist in %1:

%2

Replace them?</source>
        <translation>次のファイルは %1 にすでに存在します:

%2

置き換えますか？</translation>
    </message>
    <message>
        <source>Replace Existing Files?</source>
        <translation>既存のファイルを置き換えますか？</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <source>Start producing the chosen presets</source>
        <translation>選択したプリセットの作成を開始</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>出力フォルダー</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>出力フォルダーを選択</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>スレッド</translation>
    </message>
    <message>
        <source>Producing starts when the importance matrix is computed.</source>
        <translation>重要度行列の計算が終わると作成を開始します。</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>置き換え</translation>
    </message>
    <message numerus="yes">
        <source>The other %n file(s) are new.</source>
        <translation>
            <numerusform>残りの %n 個のファイルは新規です。</numerusform>
        </translation>
    </message>
    <message>
        <source>Skip Existing</source>
        <translation>既存をスキップ</translation>
    </message>
    <message>
        <source>Nothing produced: the existing files were kept.</source>
        <translation>何も作成していません。既存のファイルはそのままです。</translation>
    </message>
    <message>
        <source>%1 needs an importance matrix: choose one, or compute one from text.</source>
        <translation>%1 には重要度行列が必要です: 選ぶか、テキストから計算してください。</translation>
    </message>
    <message>
        <source>Measures how sensitive each tensor is (cached), chooses a type per tensor within the budget, and writes the file</source>
        <translation>各テンソルの感度を測定し（キャッシュあり）、予算内でテンソルごとに型を選び、ファイルを書き出します</translation>
    </message>
    <message>
        <source>Custom mix within %1 (from Recommend)</source>
        <translation>%1 以内のカスタムミックス（「推奨」から）</translation>
    </message>
    <message>
        <source>Custom mix (%1)</source>
        <translation>カスタムミックス（%1）</translation>
    </message>
    <message>
        <source>Split into parts of at most</source>
        <translation>分割する（各部分の上限）</translation>
    </message>
    <message>
        <source>Writes each file as name-00001-of-0000N.gguf parts, as llama.cpp&apos;s gguf-split does; llama.cpp and Quantforge open the first part as the whole model</source>
        <translation>各ファイルを llama.cpp の gguf-split と同じく name-00001-of-0000N.gguf の部分に分けて書きます。llama.cpp と Quantforge は最初の部分をモデル全体として開きます</translation>
    </message>
    <message>
        <source>Largest part in GB</source>
        <translation>最大の部分（GB）</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Large files:</source>
        <translation>大きなファイル:</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>約 %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::QuantizeJobRunner</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Unexpected error while quantizing: %1</source>
        <translation>量子化中に予期しないエラー: %1</translation>
    </message>
    <message>
        <source>Custom mix: %1</source>
        <translation>カスタムミックス：%1</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>カスタムミックス</translation>
    </message>
    <message>
        <source>Measuring sensitivity: %1</source>
        <translation>感度を測定中：%1</translation>
    </message>
    <message>
        <source>Checking the source (sha256 for the reproducibility record)</source>
        <translation>ソースを確認中（再現性記録用の sha256）</translation>
    </message>
    <message>
        <source>The files were written, but not the reproducibility record: %1</source>
        <translation>ファイルは書き込まれましたが、再現性記録は書き込まれませんでした: %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::RecommendPage</name>
    <message>
        <source>Produce Selected</source>
        <translation>選択項目を作成</translation>
    </message>
    <message>
        <source>Open the Produce page with the checked presets</source>
        <translation>チェックしたプリセットで「作成」ページを開きます</translation>
    </message>
    <message>
        <source>F16 (default)</source>
        <translation>F16（既定）</translation>
    </message>
    <message>
        <source>Q8_0</source>
        <translation>Q8_0</translation>
    </message>
    <message>
        <source>Q4_0</source>
        <translation>Q4_0</translation>
    </message>
    <message>
        <source>llama.cpp&apos;s --cache-type-k/-v: a quantized KV cache needs less memory</source>
        <translation>llama.cpp の --cache-type-k/-v: 量子化した KV キャッシュは必要なメモリが少なくなります</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>コンテキスト:</translation>
    </message>
    <message>
        <source>KV cache:</source>
        <translation>KV キャッシュ:</translation>
    </message>
    <message>
        <source>Recommend</source>
        <translation>推奨</translation>
    </message>
    <message>
        <source>Planning every preset for %1…</source>
        <translation>%1 のすべてのプリセットを計画中…</translation>
    </message>
    <message>
        <source>Cannot recommend for this model: %1</source>
        <translation>このモデルには推奨を出せません: %1</translation>
    </message>
    <message>
        <source>Detecting this machine…</source>
        <translation>このマシンを検出中…</translation>
    </message>
    <message>
        <source>Open a model to see which preset suits this machine.</source>
        <translation>モデルを開くと、このマシンに合うプリセットがわかります。</translation>
    </message>
    <message>
        <source>Recommended: %1</source>
        <translation>推奨: %1</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 トークン</translation>
    </message>
    <message>
        <source>Produce %1 Selected</source>
        <translation>選択した %1 件を作成</translation>
    </message>
    <message>
        <source>Presets for this machine</source>
        <translation>このマシン向けのプリセット</translation>
    </message>
    <message>
        <source>Nothing fits</source>
        <translation>どれも収まりません</translation>
    </message>
    <message>
        <source>No preset can be made from this file</source>
        <translation>このファイルからはどのプリセットも作成できません</translation>
    </message>
    <message>
        <source>%1, fully on the GPU</source>
        <translation>%1、すべて GPU 上</translation>
    </message>
    <message>
        <source>%1, %2 of %3 layers on the GPU</source>
        <translation>%1、%3 層中 %2 層を GPU に</translation>
    </message>
    <message>
        <source>%1, on the CPU</source>
        <translation>%1、CPU で</translation>
    </message>
    <message>
        <source>Expected quality: %1.</source>
        <translation>期待される品質: %1。</translation>
    </message>
    <message>
        <source>Fit This Machine</source>
        <translation>このマシンに合わせる</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>The custom mix&apos;s whole file size; by default what fits this machine at this context</source>
        <translation>カスタムミックスのファイル全体のサイズ。既定ではこのコンテキストでこのマシンに収まるサイズ</translation>
    </message>
    <message>
        <source>Make the budget what fits this machine at this context again</source>
        <translation>予算をこのコンテキストでこのマシンに収まるサイズに戻す</translation>
    </message>
    <message>
        <source>Custom mix budget:</source>
        <translation>カスタムミックスの予算：</translation>
    </message>
    <message>
        <source>Measure Sensitivity</source>
        <translation>感度を測定</translation>
    </message>
    <message>
        <source>Stop Measuring</source>
        <translation>測定を停止</translation>
    </message>
    <message>
        <source>Made from GGUF files only</source>
        <translation>GGUF ファイルからのみ作成できます</translation>
    </message>
    <message>
        <source>Measuring sensitivity…</source>
        <translation>感度を測定中…</translation>
    </message>
    <message>
        <source>Measuring sensitivity… %1 %</source>
        <translation>感度を測定中… %1 %</translation>
    </message>
    <message>
        <source>Not measured yet: Measure Sensitivity predicts its quality</source>
        <translation>未測定：「感度を測定」で品質を予測します</translation>
    </message>
    <message>
        <source>Measuring stopped: Measure Sensitivity starts again</source>
        <translation>測定を停止しました：「感度を測定」でやり直せます</translation>
    </message>
    <message>
        <source>Predicting…</source>
        <translation>予測中…</translation>
    </message>
    <message>
        <source>Not measured yet</source>
        <translation>未測定</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
</context>
<context>
    <name>qf::ui::RecommendPhrase</name>
    <message>
        <source>%1 of KV cache (%2, %3 tokens)</source>
        <translation>KV キャッシュ %1 (%2、%3 トークン)</translation>
    </message>
    <message>
        <source>%1 of weights, %2 and about %3 of compute buffer make %4</source>
        <translation>重み %1、%2、計算バッファ約 %3 で合計 %4</translation>
    </message>
    <message>
        <source>the %1 the GPU may use of unified memory (working-set limit %2, %3 of RAM minus %4 for the OS)</source>
        <translation>GPU が使える統合メモリ %1 (ワーキングセット上限 %2、RAM %3 から OS 用 %4 を引いた分)</translation>
    </message>
    <message>
        <source>the %1 the GPU may use of unified memory (estimated working-set limit %2, %3 of RAM minus %4 for the OS)</source>
        <translation>GPU が使える統合メモリ %1 (推定ワーキングセット上限 %2、RAM %3 から OS 用 %4 を引いた分)</translation>
    </message>
    <message>
        <source>the %1 usable on the GPU (%2 minus %3 for the driver and desktop)</source>
        <translation>GPU で使える %1 (%2 からドライバーとデスクトップ用 %3 を引いた分)</translation>
    </message>
    <message>
        <source>the %1 of RAM usable (%2 minus %3 kept for the OS)</source>
        <translation>使える RAM %1 (%2 から OS 用 %3 を引いた分)</translation>
    </message>
    <message>
        <source>%1 fits fully on the GPU: %2, within %3; the token embedding (%4) stays in system RAM.</source>
        <translation>%1 は GPU に完全に収まります: %2 で、%3 の範囲内です。トークン埋め込み (%4) はシステム RAM に残ります。</translation>
    </message>
    <message>
        <source>%1 runs from system RAM: %2, within %3.</source>
        <translation>%1 はシステム RAM で動作します: %2 で、%3 の範囲内です。</translation>
    </message>
    <message>
        <source>Q4_K_M cannot be made from this file%1</source>
        <translation>このファイルから Q4_K_M は作れません%1</translation>
    </message>
    <message>
        <source>Q4_K_M is the usual balance of size and quality%1</source>
        <translation>Q4_K_M はサイズと品質の定番のバランスです%1</translation>
    </message>
    <message>
        <source>Started from Q4_K_M, the usual balance of size and quality, and went up while it still fit%1</source>
        <translation>サイズと品質の定番のバランスである Q4_K_M から始め、収まる限り上げました%1</translation>
    </message>
    <message>
        <source>; %1 would need %2.</source>
        <translation>。%1 には %2 必要です。</translation>
    </message>
    <message>
        <source>; Q8_0 is the top of the usual range (F16 doubles the size for no measurable gain).</source>
        <translation>。Q8_0 は通常の範囲の上限です (F16 はサイズが倍になるのに測れる差がありません)。</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>On the CPU speed falls with size: Q4_K_M would generate about %1x as fast.</source>
        <translation>CPU では速度はサイズとともに落ちます: Q4_K_M なら約 %1 倍の速さで生成します。</translation>
    </message>
    <message>
        <source>%1 would need %2, more than %3.</source>
        <translation>%1 には %2 必要で、%3 を超えます。</translation>
    </message>
    <message>
        <source>Among the 4-bit presets it is the best that fits; Q4_K_M with part of its layers on the GPU would be slower.</source>
        <translation>4 ビットのプリセットの中で収まる最良のものです。一部のレイヤーを GPU に置く Q4_K_M は遅くなります。</translation>
    </message>
    <message>
        <source>Among the 4-bit presets it is the best that fits.</source>
        <translation>4 ビットのプリセットの中で収まる最良のものです。</translation>
    </message>
    <message>
        <source>%1 needs %2 to run fully on the GPU with this context, more than %3. So %4 of its %5 layers go to the GPU (%6 there) and the rest run from system RAM (%7 of %8 usable).</source>
        <translation>%1 をこのコンテキストで GPU だけで動かすには %2 必要で、%3 を超えます。そこで %5 レイヤー中 %4 を GPU に置き (そこで %6)、残りはシステム RAM で動かします (使える %8 のうち %7)。</translation>
    </message>
    <message>
        <source>Not one layer of %1 fits in %2, so it runs from system RAM: %3, within %4.</source>
        <translation>%1 のレイヤーは 1 つも %2 に収まらないため、システム RAM で動作します: %3 で、%4 の範囲内です。</translation>
    </message>
    <message>
        <source>Higher presets would leave more layers on the CPU and run slower.</source>
        <translation>上位のプリセットでは CPU に残るレイヤーが増え、遅くなります。</translation>
    </message>
    <message>
        <source>%1 would fit fully on the GPU and run faster, but it is below 4 bits.</source>
        <translation>%1 なら GPU に完全に収まり速く動きますが、4 ビット未満です。</translation>
    </message>
    <message>
        <source>fully on the GPU</source>
        <translation>GPU だけで</translation>
    </message>
    <message>
        <source>with %1 of %2 layers on the GPU</source>
        <translation>%2 レイヤー中 %1 を GPU に置いて</translation>
    </message>
    <message>
        <source>from system RAM</source>
        <translation>システム RAM で</translation>
    </message>
    <message>
        <source>Even %1 does not fit: it needs %2 with this context, more than the %3 usable. %4 is the largest preset that does, %5 (%6 needed).</source>
        <translation>%1 でも収まりません: このコンテキストでは %2 必要で、使える %3 を超えます。収まる最大のプリセットは %4 で、%5 動きます (%6 必要)。</translation>
    </message>
    <message>
        <source>%1 is below 4 bits per weight: expect a clear loss of quality. When quality matters, a smaller model at Q4_K_M or higher is usually the better choice.</source>
        <translation>%1 は重みあたり 4 ビット未満です: 明らかな品質低下を見込んでください。品質が大事なら、より小さいモデルを Q4_K_M 以上で使う方が普通は良い選択です。</translation>
    </message>
    <message>
        <source>%1 needs an importance matrix: compute one from calibration text (quantforge-cli imatrix) before producing it.</source>
        <translation>%1 には重要度行列が必要です: 作成の前にキャリブレーション用テキストから計算してください (作成ページまたは quantforge-cli imatrix)。</translation>
    </message>
    <message>
        <source>Even the smallest preset, %1, needs %2 with a %3-token context (%4 of it KV cache), more than the %5 this machine has usable.</source>
        <translation>最小のプリセット %1 でも、%3 トークンのコンテキストで %2 (うち KV キャッシュ %4) 必要で、このマシンで使える %5 を超えます。</translation>
    </message>
    <message>
        <source>Even the smallest preset, %1, needs %2 with a %3-token context (%4 of it KV cache), more than the %5 this machine has usable in RAM and GPU memory together.</source>
        <translation>最小のプリセット %1 でも、%3 トークンのコンテキストで %2 (うち KV キャッシュ %4) 必要で、このマシンで RAM と GPU メモリを合わせて使える %5 を超えます。</translation>
    </message>
    <message>
        <source>No presets.</source>
        <translation>プリセットがありません。</translation>
    </message>
    <message>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>With a context of %1 tokens, %2 would fit.</source>
        <translation>コンテキストが %1 トークンなら %2 が収まります。</translation>
    </message>
    <message>
        <source>With a context of %1 tokens, %2 would fit fully on the GPU.</source>
        <translation>コンテキストが %1 トークンなら %2 は GPU に完全に収まります。</translation>
    </message>
    <message>
        <source>With a context of %1 tokens, %2 would fit in RAM.</source>
        <translation>コンテキストが %1 トークンなら %2 は RAM に収まります。</translation>
    </message>
    <message>
        <source>With a %1 KV cache (%2 instead of %3), %4 would fit.</source>
        <translation>KV キャッシュを %1 にすると (%3 ではなく %2)、%4 が収まります。</translation>
    </message>
    <message>
        <source>With a %1 KV cache (%2 instead of %3), %4 would fit fully on the GPU.</source>
        <translation>KV キャッシュを %1 にすると (%3 ではなく %2)、%4 は GPU に完全に収まります。</translation>
    </message>
    <message>
        <source>With a %1 KV cache (%2 instead of %3), %4 would fit in RAM.</source>
        <translation>KV キャッシュを %1 にすると (%3 ではなく %2)、%4 は RAM に収まります。</translation>
    </message>
    <message>
        <source>A GPU with %1 of memory would hold %2 completely.</source>
        <translation>メモリ %1 の GPU なら %2 が丸ごと収まります。</translation>
    </message>
    <message>
        <source>A smaller model would fit: about %1 B parameters at %2 with this context (this one has %3 B).</source>
        <translation>より小さいモデルなら収まります: このコンテキストで %2 なら約 %1 B パラメータ (このモデルは %3 B)。</translation>
    </message>
    <message>
        <source>The context (%1 tokens) is longer than the model was trained for (%2 tokens).</source>
        <translation>コンテキスト (%1 トークン) がモデルの学習時の長さ (%2 トークン) を超えています。</translation>
    </message>
</context>
<context>
    <name>qf::ui::RecommendTableModel</name>
    <message>
        <source>Fits on GPU</source>
        <translation>GPU に収まる</translation>
    </message>
    <message>
        <source>Partial: %1 of %2 layers on GPU</source>
        <translation>一部: %2 レイヤー中 %1 を GPU に</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>CPU のみ</translation>
    </message>
    <message>
        <source>Does not fit</source>
        <translation>収まらない</translation>
    </message>
    <message>
        <source>%1 GPU</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <source>%1 GPU + %2 RAM</source>
        <translation>GPU %1 + RAM %2</translation>
    </message>
    <message>
        <source>%1 RAM</source>
        <translation>RAM %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>lossless (unquantized)</source>
        <translation>ロスレス（量子化なし）</translation>
    </message>
    <message>
        <source>%1 · ΔPPL %2 %</source>
        <translation>%1 · ΔPPL %2%</translation>
    </message>
    <message>
        <source>%1 · ΔPPL %2 ± %3 %</source>
        <translation>%1 · ΔPPL %2 ± %3%</translation>
    </message>
    <message>
        <source>%1 (measured)</source>
        <translation>%1（実測）</translation>
    </message>
    <message>
        <source>Cannot be made</source>
        <translation>作成不可</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Exact file size: %1 bytes, %2 bits per weight</source>
        <translation>正確なファイルサイズ: %1 バイト、重みあたり %2 ビット</translation>
    </message>
    <message>
        <source>Weights %1 (exact) + KV cache %2 (exact) + compute buffer about %3 (estimate) = %4</source>
        <translation>重み %1（正確）+ KV キャッシュ %2（正確）+ 計算バッファー約 %3（推定）= %4</translation>
    </message>
    <message>
        <source>Estimate: tokens per second relative to this model&apos;s F16 weights read from system RAM (memory-bandwidth model)</source>
        <translation>推定: システム RAM から読み込むこのモデルの F16 重みに対する毎秒トークン数（メモリ帯域モデル）</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>プリセット</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>ファイルサイズ</translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation>必要メモリ</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>適合</translation>
    </message>
    <message>
        <source>Expected quality</source>
        <translation>予想品質</translation>
    </message>
    <message>
        <source>Speed (est.)</source>
        <translation>速度（推定）</translation>
    </message>
    <message>
        <source>Exact: from the quantization plan</source>
        <translation>正確: 量子化計画による値</translation>
    </message>
    <message>
        <source>Weights and KV cache are exact; the compute buffer is an estimate</source>
        <translation>重みと KV キャッシュは正確、計算バッファーは推定値です</translation>
    </message>
    <message>
        <source>Measured on this model when available; otherwise the typical value for the preset (an estimate)</source>
        <translation>このモデルでの実測値があればそれを、なければプリセットの典型値（推定）</translation>
    </message>
    <message>
        <source>Estimated tokens per second relative to F16 read from system RAM</source>
        <translation>システム RAM から読む F16 に対する推定毎秒トークン数</translation>
    </message>
    <message>
        <source>lossless</source>
        <translation>劣化なし</translation>
    </message>
    <message>
        <source>near-lossless</source>
        <translation>ほぼ劣化なし</translation>
    </message>
    <message>
        <source>very good</source>
        <translation>非常に良い</translation>
    </message>
    <message>
        <source>reduced</source>
        <translation>低下あり</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低い</translation>
    </message>
    <message>
        <source>%1 · ΔPPL within ± %2 %</source>
        <translation>%1 · ΔPPL ± %2 % 以内</translation>
    </message>
    <message>
        <source>%1 (est. from this model)</source>
        <translation>%1（このモデルからの推定）</translation>
    </message>
    <message>
        <source>%1 (typical, est.)</source>
        <translation>%1（典型値、推定）</translation>
    </message>
    <message>
        <source>Measured on this model: %1</source>
        <translation>このモデルで測定：%1</translation>
    </message>
    <message>
        <source>Estimated from what was measured on this model (interpolated along bits per weight); evaluate this preset to measure it.</source>
        <translation>このモデルでの測定から推定（重みあたりビット数で補間）。このプリセットを評価すると実測できます。</translation>
    </message>
    <message>
        <source>Typical value on a small reference model (llama.cpp&apos;s perplexity and KL divergence); an estimate: evaluate quants on the Compare page to measure this model.</source>
        <translation>小さな参照モデルでの典型値（llama.cpp のパープレキシティと KL ダイバージェンス）。推定値です。「比較」ページで量子化ファイルを評価すると、このモデルを実測できます。</translation>
    </message>
    <message>
        <source>%1 (= %2)</source>
        <translation>%1（= %2）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n fallback(s))</source>
        <translation>
            <numerusform>%1（代替 %n 個）</numerusform>
        </translation>
    </message>
    <message>
        <source>Same file as %1 on this model: its rows do not fit this preset&apos;s blocks (%2).</source>
        <translation>このモデルでは %1 と同じファイルになります。行がこのプリセットのブロックに合いません（%2）。</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) use a fallback type: %1.</source>
        <translation>
            <numerusform>%n 個のテンソルが代替の型を使います：%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2 for %n tensor(s)</source>
        <translation>
            <numerusform>%n 個のテンソルで %1 → %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Same file as %1 on this model: every tensor gets the same type.</source>
        <translation>このモデルでは %1 と同じファイルです: すべてのテンソルが同じ型になります。</translation>
    </message>
    <message>
        <source>Custom mix — fits this machine exactly</source>
        <translation>カスタムミックス — このマシンにぴったり</translation>
    </message>
    <message>
        <source>≤ %1</source>
        <translation>≤ %1</translation>
    </message>
    <message>
        <source>KLD %1 ± %2 (measured) · %3 predicted</source>
        <translation>KLD %1 ± %2（実測）· 予測 %3</translation>
    </message>
    <message>
        <source>KLD %1 (predicted)</source>
        <translation>KLD %1（予測）</translation>
    </message>
    <message>
        <source>Standard GGUF types chosen tensor by tensor from this model&apos;s measured sensitivity, so that the predicted loss (KL divergence) is least within %1: the largest file this machine holds at this context%2.</source>
        <translation>このモデルで測定した感度に基づきテンソルごとに標準 GGUF 型を選び、%1 以内で予測損失（KL ダイバージェンス）を最小にします：このコンテキストでこのマシンが保持できる最大のファイル%2。</translation>
    </message>
    <message>
        <source>, at most the largest preset&apos;s size</source>
        <translation>（最大のプリセットのサイズまで）</translation>
    </message>
    <message>
        <source>Budget: %1 bytes</source>
        <translation>予算：%1 バイト</translation>
    </message>
    <message>
        <source>Predicted: the sum of each tensor&apos;s measured KL divergence on the calibration text. Measured: the produced file evaluated on the Compare page.</source>
        <translation>予測：キャリブレーションテキストで測定した各テンソルの KL ダイバージェンスの合計。実測：生成したファイルを「比較」ページで評価した値。</translation>
    </message>
    <message>
        <source>within ± %1 %</source>
        <translation>± %1 % 以内</translation>
    </message>
    <message>
        <source>%1 ± %2 %</source>
        <translation>%1 ± %2 %</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 (est.)</source>
        <translation>%1（推定）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>KLD %1 ± %2 (measured)</source>
        <translation>KLD %1 ± %2（実測）</translation>
    </message>
    <message>
        <source>KLD %1 (measured)</source>
        <translation>KLD %1（実測）</translation>
    </message>
    <message>
        <source>KLD %1 (pred.)</source>
        <translation>KLD %1（予測）</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>カスタムミックス</translation>
    </message>
    <message>
        <source>File size: %1 bytes, %2 bits per weight, and the importance matrix&apos;s name, its text&apos;s name and two counts in the metadata (a few hundred bytes more)</source>
        <translation>ファイルサイズ: %1 バイト、重みあたり %2 ビット、さらにメタデータに重要度行列の名前、そのテキストの名前、2 つのカウント（数百バイト増）</translation>
    </message>
</context>
<context>
    <name>qf::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>すべて（%1）</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>スレッド</translation>
    </message>
    <message>
        <source>Worker threads for producing files; 0 uses all of this machine&apos;s threads</source>
        <translation>ファイル作成に使うワーカースレッド数。0 でこのマシンの全スレッドを使用</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>スレッド(&amp;T):</translation>
    </message>
    <message>
        <source>Default presets</source>
        <translation>既定のプリセット</translation>
    </message>
    <message>
        <source>Checked presets are chosen on the Produce page when a model is opened; with none checked the recommendation decides</source>
        <translation>モデルを開いたとき、チェックしたプリセットが「作成」ページで選択されます。何もチェックしない場合は推奨に従います</translation>
    </message>
    <message>
        <source>Default &amp;presets:</source>
        <translation>既定のプリセット(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>出力フォルダー(&amp;O):</translation>
    </message>
    <message>
        <source>Beside the model</source>
        <translation>モデルと同じフォルダー</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>RAM kept for the OS</source>
        <translation>OS 用に確保する RAM</translation>
    </message>
    <message>
        <source>RAM kept for the &amp;OS:</source>
        <translation>OS 用に確保する RAM(&amp;O):</translation>
    </message>
    <message>
        <source>Used by the Recommend page for this machine</source>
        <translation>「推奨」ページがこのマシンに対して使用します</translation>
    </message>
    <message>
        <source>&amp;Calibration text:</source>
        <translation>キャリブレーション用テキスト(&amp;C):</translation>
    </message>
    <message>
        <source>Bundled text</source>
        <translation>同梱のテキスト</translation>
    </message>
    <message>
        <source>Text for computing importance matrices (default: %1)</source>
        <translation>重要度行列の計算に使うテキスト（既定: %1）</translation>
    </message>
    <message>
        <source>&amp;Evaluation text:</source>
        <translation>評価用テキスト(&amp;E):</translation>
    </message>
    <message>
        <source>Text the Compare page evaluates on (default: %1)</source>
        <translation>「比較」ページが評価に使うテキスト（既定: %1）</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>Takes effect when Quantforge is started again.</source>
        <translation>Quantforge の次回起動時に反映されます。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>Use the reference kernels (slower; for comparing results)</source>
        <translation>リファレンスカーネルを使う（低速。結果の比較用）</translation>
    </message>
    <message>
        <source>Quantizes with the portable scalar code instead of this CPU&apos;s vector instructions</source>
        <translation>この CPU のベクトル命令ではなく、移植性のあるスカラーコードで量子化します</translation>
    </message>
    <message>
        <source>&amp;Kernels:</source>
        <translation>カーネル(&amp;K):</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Choose: %1</source>
        <translation>選択: %1</translation>
    </message>
    <message>
        <source>Text files (*.txt *.zst);;All files (*)</source>
        <translation>テキストファイル (*.txt *.zst);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Clear Cache…</source>
        <translation>キャッシュを消去…</translation>
    </message>
    <message>
        <source>Clear the cache</source>
        <translation>キャッシュを消去</translation>
    </message>
    <message>
        <source>Clear Cache?</source>
        <translation>キャッシュを消去しますか?</translation>
    </message>
    <message>
        <source>Remove %1 of converted models and cached measurements from %2? They are made again when needed.</source>
        <translation>%2 から変換済みモデルとキャッシュされた測定結果 %1 を削除しますか? 必要になれば再作成されます。</translation>
    </message>
    <message>
        <source>Cache:</source>
        <translation>キャッシュ:</translation>
    </message>
    <message>
        <source>%1 of converted models and cached measurements</source>
        <translation>変換済みモデルとキャッシュされた測定結果 %1</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Clear Cache</source>
        <translation>キャッシュを消去</translation>
    </message>
</context>
<context>
    <name>qf::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
</context>
<context>
    <name>qf::ui::SideBySideView</name>
    <message>
        <source>&amp;Prompt:</source>
        <translation>プロンプト(&amp;P):</translation>
    </message>
    <message>
        <source>Text every file continues</source>
        <translation>各ファイルが続きを書くテキスト</translation>
    </message>
    <message>
        <source>Ma&amp;x:</source>
        <translation>最大(&amp;X):</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> トークン</translation>
    </message>
    <message>
        <source>The most tokens each file generates</source>
        <translation>各ファイルが生成するトークンの最大数</translation>
    </message>
    <message>
        <source>Temperat&amp;ure:</source>
        <translation>温度(&amp;U):</translation>
    </message>
    <message>
        <source>0 (greedy)</source>
        <translation>0(貪欲)</translation>
    </message>
    <message>
        <source>0 always picks the most likely token, so every run gives the same text</source>
        <translation>0 は常に最も確率の高いトークンを選ぶため、毎回同じテキストになります</translation>
    </message>
    <message>
        <source>See&amp;d:</source>
        <translation>シード(&amp;D):</translation>
    </message>
    <message>
        <source>The same seed and temperature give the same text</source>
        <translation>同じシードと温度なら同じテキストになります</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>実行(&amp;R)</translation>
    </message>
    <message>
        <source>Generate with every file at once</source>
        <translation>すべてのファイルで同時に生成</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stop every generation; the text so far stays</source>
        <translation>すべての生成を停止します。ここまでのテキストは残ります</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Select a model to run a prompt on it and its quants.</source>
        <translation>モデルを選択すると、そのモデルと量子化ファイルでプロンプトを実行できます。</translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation>先にプロンプトを入力してください。</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tok/s</source>
        <translation>%1 トークン · %2 トークン/秒</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>停止しました。</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>生成中…</translation>
    </message>
    <message numerus="yes">
        <source>Generating with %n file(s)…</source>
        <translation>
            <numerusform>%n 個のファイルで生成中…</numerusform>
        </translation>
    </message>
    <message>
        <source>Generating… %1 tokens</source>
        <translation>生成中… %1 トークン</translation>
    </message>
    <message>
        <source>Output of %1</source>
        <translation>%1 の出力</translation>
    </message>
    <message>
        <source>Once upon a time, in a small town by the sea,</source>
        <translation>昔々、海辺の小さな町で、</translation>
    </message>
</context>
<context>
    <name>qf::ui::SizeQualityChart</name>
    <message>
        <source>File size (MB)</source>
        <translation>ファイルサイズ (MB)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>&lt;br&gt;PPL %1 ± %2</source>
        <translation>&lt;br&gt;PPL %1 ± %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;Mean KLD %1</source>
        <translation>&lt;br&gt;平均 KLD %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;Source (reference)</source>
        <translation>&lt;br&gt;元モデル（基準）</translation>
    </message>
    <message>
        <source>No measurements yet: press Evaluate</source>
        <translation>まだ測定結果がありません。「評価」を押してください</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>パレート最適線</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 を書き込めませんでした</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 を書き込めませんでした: %2</translation>
    </message>
    <message>
        <source>Size and quality chart</source>
        <translation>サイズと品質のグラフ</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>パープレキシティ</translation>
    </message>
    <message>
        <source>Mean KLD</source>
        <translation>平均 KLD</translation>
    </message>
    <message>
        <source>%1: %2 MB, KLD %3</source>
        <translation>%1: %2 MB、KLD %3</translation>
    </message>
</context>
<context>
    <name>qf::ui::SourceView</name>
    <message>
        <source>No model selected</source>
        <translation>モデルが選択されていません</translation>
    </message>
    <message>
        <source>Select a model in the list, or drop GGUF files onto the window.</source>
        <translation>一覧からモデルを選ぶか、GGUF ファイルをウィンドウにドロップしてください。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 を開けませんでした</translation>
    </message>
    <message>
        <source>Model pages</source>
        <translation>モデルのページ</translation>
    </message>
</context>
<context>
    <name>qf::ui::TensorTableModel</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 バイト</translation>
    </message>
    <message>
        <source>%1 elements</source>
        <translation>%1 要素</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>テンソル</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
</context>
<context>
    <name>qf::ui::format</name>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>less than a second left</source>
        <translation>残り 1 秒未満</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>残り約 %1 秒</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>残り約 %1 分</translation>
    </message>
    <message>
        <source>about %1 h %2 min left</source>
        <translation>残り約 %1 時間 %2 分</translation>
    </message>
    <message>
        <source>SentencePiece</source>
        <translation>SentencePiece</translation>
    </message>
    <message>
        <source>BPE</source>
        <translation>BPE</translation>
    </message>
    <message>
        <source>WordPiece</source>
        <translation>WordPiece</translation>
    </message>
</context>
</TS>
