<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>main</name>
    <message>
        <source>Choose and produce quantized LLM files for your machine.</source>
        <translation>为您的电脑选择并生成量化的大语言模型文件。</translation>
    </message>
    <message>
        <source>Open the bundled sample, show its recommendation and quit; the exit code tells whether it worked.</source>
        <translation>打开自带的示例模型，显示推荐结果后退出；退出码表示是否成功。</translation>
    </message>
    <message>
        <source>GGUF models to open.</source>
        <translation>要打开的 GGUF 模型。</translation>
    </message>
    <message>
        <source>Walk through the app on the bundled sample and save a PNG of each view into DIR (for the README); the exit code tells whether it worked.</source>
        <translation>使用自带的示例模型走一遍应用，并将每个视图保存为 PNG 到 DIR（用于 README）；退出码表示是否成功。</translation>
    </message>
</context>
<context>
    <name>qf::ui::AboutDialog</name>
    <message>
        <source>Quantforge: %1</source>
        <translation>Quantforge：%1</translation>
    </message>
    <message>
        <source>Qt: %1 (built with %2)</source>
        <translation>Qt：%1（构建时为 %2）</translation>
    </message>
    <message>
        <source>Qt Charts: %1</source>
        <translation>Qt Charts：%1</translation>
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
        <translation>编译器：%1</translation>
    </message>
    <message>
        <source>Kernels: %1</source>
        <translation>计算内核：%1</translation>
    </message>
    <message>
        <source>CPU features: %1</source>
        <translation>CPU 特性：%1</translation>
    </message>
    <message>
        <source>none detected</source>
        <translation>未检测到</translation>
    </message>
    <message>
        <source>Platform: %1 (%2)</source>
        <translation>平台：%1（%2）</translation>
    </message>
    <message>
        <source>About Quantforge</source>
        <translation>关于 Quantforge</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Quantforge %1&lt;/h3&gt;&lt;p&gt;Chooses, produces and compares quantized GGUF models for your machine.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Quantforge %1&lt;/h3&gt;&lt;p&gt;为您的计算机选择、生成并比较量化的 GGUF 模型。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Build and system information</source>
        <translation>构建与系统信息</translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
</context>
<context>
    <name>qf::ui::CacheStorage</name>
    <message>
        <source>Could not remove %1</source>
        <translation>无法删除 %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::ComparePage</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Cancel Evaluation</source>
        <translation>取消评估</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>文本(&amp;T)：</translation>
    </message>
    <message>
        <source>Plain text to evaluate on</source>
        <translation>用于评估的纯文本</translation>
    </message>
    <message>
        <source>The text every file is evaluated on (default: the bundled evaluation text)</source>
        <translation>评估每个文件所用的文本（默认：自带的评估文本）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Evaluation Text</source>
        <translation>评估文本</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>C&amp;ontext:</source>
        <translation>上下文(&amp;O)：</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个词元</translation>
    </message>
    <message>
        <source>Tokens per chunk, as llama-perplexity&apos;s -c</source>
        <translation>每个分块的词元数，同 llama-perplexity 的 -c</translation>
    </message>
    <message>
        <source>&amp;Quick: first</source>
        <translation>快速(&amp;Q)：前</translation>
    </message>
    <message>
        <source>Evaluate only the first chunks of the text: faster, with a larger ±</source>
        <translation>只评估文本的前几个分块：更快，但 ± 更大</translation>
    </message>
    <message>
        <source> chunks</source>
        <translation> 个分块</translation>
    </message>
    <message>
        <source>&amp;Evaluate</source>
        <translation>评估(&amp;E)</translation>
    </message>
    <message>
        <source>Measure perplexity, KL divergence and speed of the source and every quant listed under it (Ctrl+Enter)</source>
        <translation>测量源模型及其下所列每个量化文件的困惑度、KL 散度和速度（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the evaluation (Esc); files already measured keep their results</source>
        <translation>停止评估（Esc）；已测量的文件保留其结果</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Export Table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <source>Choose an evaluation text: the bundled one is not installed.</source>
        <translation>请选择评估文本：自带的评估文本未安装。</translation>
    </message>
    <message>
        <source>Could not read the evaluation text %1: %2</source>
        <translation>无法读取评估文本 %1：%2</translation>
    </message>
    <message>
        <source>The evaluation text %1 is larger than %2.</source>
        <translation>评估文本 %1 大于 %2。</translation>
    </message>
    <message>
        <source>Some stored results could not be read and will be replaced when evaluated again:
%1</source>
        <translation>部分已保存的结果无法读取，重新评估时将被替换：
%1</translation>
    </message>
    <message>
        <source>Select a model to compare its quants.</source>
        <translation>选择一个模型以比较其量化文件。</translation>
    </message>
    <message>
        <source>No quants of this model are listed yet: produce some, or open them. Evaluate measures the source alone.</source>
        <translation>此模型尚无量化文件：请生成或打开一些。“评估”只测量源模型。</translation>
    </message>
    <message numerus="yes">
        <source>Not measured on this text and context yet. Evaluate measures the source and %n quant(s).</source>
        <translation>
            <numerusform>尚未在此文本和上下文上测量。“评估”将测量源模型和 %n 个量化文件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 file(s) measured on %3, context %4.</source>
        <translation>
            <numerusform>%2 个文件中已有 %1 个在 %3 上测量，上下文 %4。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a model first.</source>
        <translation>请先选择一个模型。</translation>
    </message>
    <message>
        <source>The evaluation text %1 does not exist.</source>
        <translation>评估文本 %1 不存在。</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>正在评估…</translation>
    </message>
    <message>
        <source>Evaluated in %1.</source>
        <translation>评估用时 %1。</translation>
    </message>
    <message>
        <source>Evaluation failed.</source>
        <translation>评估失败。</translation>
    </message>
    <message>
        <source>Evaluation cancelled.</source>
        <translation>评估已取消。</translation>
    </message>
    <message>
        <source>Waiting for the running job to finish…</source>
        <translation>正在等待运行中的任务完成…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Results could not be stored beside the file, so they will not be shown next time:
%1</source>
        <translation>无法将结果保存在文件旁边，因此下次不会显示：
%1</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>CSV table (*.csv);;JSON (*.json)</source>
        <translation>CSV 表格 (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>已导出 %1。</translation>
    </message>
    <message>
        <source>Same prompt, side by side</source>
        <translation>相同提示词，并排对比</translation>
    </message>
    <message>
        <source>Chunks to evaluate</source>
        <translation>要评估的块数</translation>
    </message>
    <message>
        <source>Chart metric</source>
        <translation>图表指标</translation>
    </message>
    <message>
        <source>Comparison table</source>
        <translation>比较表</translation>
    </message>
    <message>
        <source>Size against perplexity (lower is better)</source>
        <translation>大小与困惑度（越低越好）</translation>
    </message>
    <message>
        <source>Size against KL divergence (lower is better)</source>
        <translation>大小与 KL 散度（越低越好）</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>自定义混合</translation>
    </message>
    <message>
        <source>Chart and table</source>
        <translation>图表和表格</translation>
    </message>
    <message>
        <source>Custom mix (predicted)</source>
        <translation>自定义混合（预测）</translation>
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
        <translation>评估文本上的困惑度及其 ±（越低越好）</translation>
    </message>
    <message>
        <source>Perplexity relative to the source</source>
        <translation>相对于源模型的困惑度</translation>
    </message>
    <message>
        <source>Mean KL divergence from the source&apos;s predictions, with its ± (lower is better)</source>
        <translation>与源模型预测的平均 KL 散度及其 ±（越低越好）</translation>
    </message>
    <message>
        <source>How often the most likely next token is the same as the source&apos;s</source>
        <translation>最可能的下一个词元与源模型相同的比例</translation>
    </message>
    <message>
        <source>Prompt processing speed measured during the perplexity run</source>
        <translation>困惑度测量期间测得的提示词处理速度</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>位/权重</translation>
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
        <translation>首选相同</translation>
    </message>
    <message numerus="yes">
        <source>%1, context %2, %n chunk(s)</source>
        <translation>
            <numerusform>%1，上下文 %2，%n 个分块</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (source)</source>
        <translation>%1（源模型）</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>基准</translation>
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
        <translation>生成速度：在文本开头之后逐个生成 %1 个词元</translation>
    </message>
    <message>
        <source>Prompt tok/s</source>
        <translation>提示词 词元/秒</translation>
    </message>
    <message>
        <source>Generation tok/s</source>
        <translation>生成 词元/秒</translation>
    </message>
    <message>
        <source>Custom mix: predicted mean KLD %1 before it was made</source>
        <translation>自定义混合：生成前预测的平均 KLD 为 %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::DropOverlay</name>
    <message>
        <source>Drop models to open them</source>
        <translation>拖放模型以打开</translation>
    </message>
</context>
<context>
    <name>qf::ui::EmptyStateWidget</name>
    <message>
        <source>Try the sample model</source>
        <translation>试用示例模型</translation>
    </message>
    <message>
        <source>Drop GGUF models here</source>
        <translation>将 GGUF 模型拖放到此处</translation>
    </message>
    <message>
        <source>Quantforge finds the quantization of a model that fits your machine best, produces it and shows what it costs in quality.</source>
        <translation>Quantforge 为模型找到最适合您电脑的量化方式，生成它，并显示其在质量上的代价。</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
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
        <translation>%1 的困惑度</translation>
    </message>
    <message>
        <source>Reference outputs of %1</source>
        <translation>%1 的参考输出</translation>
    </message>
    <message>
        <source>KL divergence of %1</source>
        <translation>%1 的 KL 散度</translation>
    </message>
    <message>
        <source>Generation speed of %1</source>
        <translation>%1 的生成速度</translation>
    </message>
</context>
<context>
    <name>qf::ui::ExportPanel</name>
    <message>
        <source>Save Ollama Modelfile…</source>
        <translation>保存 Ollama Modelfile…</translation>
    </message>
    <message>
        <source>Create in Ollama…</source>
        <translation>在 Ollama 中创建…</translation>
    </message>
    <message>
        <source>Copy to LM Studio…</source>
        <translation>复制到 LM Studio…</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Write an Ollama Modelfile for this file: FROM, the chat template and the stop tokens.</source>
        <translation>为此文件写入 Ollama Modelfile：FROM、聊天模板和停止词元。</translation>
    </message>
    <message>
        <source>Copy this file into LM Studio&apos;s models folder as publisher/model/file.gguf.</source>
        <translation>将此文件以 publisher/model/file.gguf 的形式复制到 LM Studio 的模型文件夹。</translation>
    </message>
    <message>
        <source>Show this file in the file manager.</source>
        <translation>在文件管理器中显示此文件。</translation>
    </message>
    <message>
        <source>Use with</source>
        <translation>用于</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>导出状态</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Ollama output</source>
        <translation>Ollama 输出</translation>
    </message>
    <message>
        <source>Export error</source>
        <translation>导出错误</translation>
    </message>
    <message>
        <source>Ollama was not found on PATH. Install it from ollama.com to create the model in it directly.</source>
        <translation>在 PATH 中未找到 Ollama。请从 ollama.com 安装它，以便直接在其中创建模型。</translation>
    </message>
    <message>
        <source>Create a model in Ollama from this file (ollama create).</source>
        <translation>用此文件在 Ollama 中创建模型（ollama create）。</translation>
    </message>
    <message>
        <source>Save Ollama Modelfile</source>
        <translation>保存 Ollama Modelfile</translation>
    </message>
    <message>
        <source>The Modelfile was not saved</source>
        <translation>未保存 Modelfile</translation>
    </message>
    <message>
        <source>Saved the Modelfile as %1. Create the model with: ollama create NAME -f %2</source>
        <translation>Modelfile 已保存为 %1。使用以下命令创建模型：ollama create NAME -f %2</translation>
    </message>
    <message>
        <source>Create in Ollama</source>
        <translation>在 Ollama 中创建</translation>
    </message>
    <message>
        <source>Model name in Ollama (letters, digits, &apos;.&apos;, &apos;-&apos;, &apos;_&apos;; an optional :tag):</source>
        <translation>Ollama 中的模型名称（字母、数字、&apos;.&apos;、&apos;-&apos;、&apos;_&apos;；可选 :tag）：</translation>
    </message>
    <message>
        <source>Not a model name Ollama accepts</source>
        <translation>Ollama 不接受此模型名称</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: use letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;, optionally followed by :tag.</source>
        <translation>“%1”：请使用字母、数字、&apos;.&apos;、&apos;-&apos; 和 &apos;_&apos;，后面可跟 :tag。</translation>
    </message>
    <message>
        <source>Ollama was not found</source>
        <translation>未找到 Ollama</translation>
    </message>
    <message>
        <source>No &quot;ollama&quot; program is on PATH.</source>
        <translation>PATH 中没有 “ollama” 程序。</translation>
    </message>
    <message>
        <source>The Modelfile was not written</source>
        <translation>未写入 Modelfile</translation>
    </message>
    <message>
        <source>Creating %1 in Ollama…</source>
        <translation>正在 Ollama 中创建 %1…</translation>
    </message>
    <message>
        <source>Cancelled creating %1 in Ollama.</source>
        <translation>已取消在 Ollama 中创建 %1。</translation>
    </message>
    <message>
        <source>Created %1 in Ollama (exit code 0). Run it with: ollama run %1</source>
        <translation>已在 Ollama 中创建 %1（exit code 0）。运行命令：ollama run %1</translation>
    </message>
    <message>
        <source>ollama create did not run or crashed</source>
        <translation>ollama create 未能运行或已崩溃</translation>
    </message>
    <message>
        <source>ollama create failed with exit code %1</source>
        <translation>ollama create 失败，exit code %1</translation>
    </message>
    <message>
        <source>LM Studio&apos;s models folder</source>
        <translation>LM Studio 的模型文件夹</translation>
    </message>
    <message>
        <source>Copy to LM Studio</source>
        <translation>复制到 LM Studio</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>Copied to %1. LM Studio lists it under My Models.</source>
        <translation>已复制到 %1。LM Studio 会在 “My Models” 中列出它。</translation>
    </message>
    <message>
        <source>The copy to LM Studio failed</source>
        <translation>复制到 LM Studio 失败</translation>
    </message>
    <message>
        <source>Cancelled the copy to LM Studio; nothing was left behind.</source>
        <translation>已取消复制到 LM Studio；未留下任何文件。</translation>
    </message>
    <message>
        <source>Copying %1 to %2…</source>
        <translation>正在将 %1 复制到 %2…</translation>
    </message>
</context>
<context>
    <name>qf::ui::GenerateJobRunner</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Unexpected error while generating: %1</source>
        <translation>生成时出现意外错误：%1</translation>
    </message>
</context>
<context>
    <name>qf::ui::HfCache</name>
    <message>
        <source>Converting %1 to F16 for evaluation…</source>
        <translation>正在将 %1 转换为 F16 以进行评估…</translation>
    </message>
</context>
<context>
    <name>qf::ui::ImatrixChooser</name>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>From file</source>
        <translation>来自文件</translation>
    </message>
    <message>
        <source>Compute from text</source>
        <translation>从文本计算</translation>
    </message>
    <message>
        <source>An importance matrix (from llama-imatrix, or computed here from calibration text) weights each column by how much it matters on real text; it usually improves the smaller presets.</source>
        <translation>重要性矩阵（来自 llama-imatrix，或在此由校准文本计算）按每一列在真实文本上的重要程度加权；通常能改善较小的预设。</translation>
    </message>
    <message>
        <source>Importance matrix source</source>
        <translation>重要性矩阵来源</translation>
    </message>
    <message>
        <source>imatrix.dat or imatrix.gguf</source>
        <translation>imatrix.dat 或 imatrix.gguf</translation>
    </message>
    <message>
        <source>Importance matrix file</source>
        <translation>重要性矩阵文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the importance matrix file</source>
        <translation>选择重要性矩阵文件</translation>
    </message>
    <message>
        <source>Calibration text (.txt or .txt.zst)</source>
        <translation>校准文本（.txt 或 .txt.zst）</translation>
    </message>
    <message>
        <source>Text the model reads to measure which weights matter; the bundled text is public-domain prose. Use text like what the model will see.</source>
        <translation>模型读取此文本以衡量哪些权重重要；自带的文本是公有领域的散文。请使用与模型将来处理的内容相似的文本。</translation>
    </message>
    <message>
        <source>Calibration text file</source>
        <translation>校准文本文件</translation>
    </message>
    <message>
        <source>Choose the calibration text</source>
        <translation>选择校准文本</translation>
    </message>
    <message>
        <source>Importance matrix progress</source>
        <translation>重要性矩阵进度</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop computing the importance matrix</source>
        <translation>停止计算重要性矩阵</translation>
    </message>
    <message>
        <source>Importance matrix status</source>
        <translation>重要性矩阵状态</translation>
    </message>
    <message>
        <source>Reading the importance matrix…</source>
        <translation>正在读取重要性矩阵…</translation>
    </message>
    <message>
        <source>Choose a readable importance matrix file, or set it to None.</source>
        <translation>请选择可读取的重要性矩阵文件，或将其设为“无”。</translation>
    </message>
    <message>
        <source>Computing the importance matrix (see above)…</source>
        <translation>正在计算重要性矩阵（见上方）…</translation>
    </message>
    <message>
        <source>Importance Matrix</source>
        <translation>重要性矩阵</translation>
    </message>
    <message>
        <source>Importance matrices (*.dat *.gguf);;All files (*)</source>
        <translation>重要性矩阵 (*.dat *.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose an importance matrix file.</source>
        <translation>请选择重要性矩阵文件。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 个条目</translation>
    </message>
    <message>
        <source>%1, %2 chunks</source>
        <translation>%1，%2 个分块</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Calibration Text</source>
        <translation>校准文本</translation>
    </message>
    <message>
        <source>Text files (*.txt *.txt.zst *.zst);;All files (*)</source>
        <translation>文本文件 (*.txt *.txt.zst *.zst);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a calibration text.</source>
        <translation>请选择校准文本。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>Computed from %1 once a model is selected.</source>
        <translation>选择模型后将由 %1 计算。</translation>
    </message>
    <message>
        <source>Computing from %1…</source>
        <translation>正在由 %1 计算…</translation>
    </message>
    <message>
        <source>Computing from %1: %2</source>
        <translation>正在由 %1 计算：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n entries over %1 chunks of %2, perplexity %3</source>
        <translation>
            <numerusform>%n 个条目，基于 %2 的 %1 个块，困惑度 %3</numerusform>
        </translation>
    </message>
    <message>
        <source> (computed before)</source>
        <translation>（之前已计算）</translation>
    </message>
    <message>
        <source> (%1 s)</source>
        <translation>（%1 秒）</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>已保存为 %1</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Compute the importance matrix now (producing also computes it first)</source>
        <translation>立即计算重要性矩阵（否则生成时会先计算）</translation>
    </message>
    <message>
        <source>Choose a calibration text for the importance matrix, or set it to None.</source>
        <translation>请为重要性矩阵选择校准文本，或设为“无”。</translation>
    </message>
    <message>
        <source>Computed from %1 when you produce, or press Compute.</source>
        <translation>将在生成时根据 %1 计算，也可按“计算”。</translation>
    </message>
    <message>
        <source>Stopped. Press Compute to compute again, or set it to None.</source>
        <translation>已停止。按“计算”重新计算，或设为“无”。</translation>
    </message>
</context>
<context>
    <name>qf::ui::ImatrixComputeJob</name>
    <message>
        <source>chunk %1 of %2, perplexity %3</source>
        <translation>第 %1/%2 块，困惑度 %3</translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <source>Unexpected error while computing the importance matrix: %1</source>
        <translation>计算重要性矩阵时出现意外错误：%1</translation>
    </message>
</context>
<context>
    <name>qf::ui::ImatrixLoadJob</name>
    <message>
        <source>Unexpected error while reading %1: %2</source>
        <translation>读取 %1 时发生意外错误：%2</translation>
    </message>
</context>
<context>
    <name>qf::ui::JobQueueWidget</name>
    <message>
        <source>No jobs yet. Choose presets above and press Start (Ctrl+Enter).</source>
        <translation>暂无任务。请在上方选择预设并按“开始”（Ctrl+Enter）。</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>清除已完成</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 个运行中</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 个等待中</translation>
    </message>
    <message>
        <source>%1 finished</source>
        <translation>%1 个已完成</translation>
    </message>
</context>
<context>
    <name>qf::ui::JobRowWidget</name>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1，来自 %2</translation>
    </message>
    <message>
        <source>Stop this job (Esc); nothing is left behind</source>
        <translation>停止此任务（Esc）；不会留下任何文件</translation>
    </message>
    <message>
        <source>Open the folder with the produced files in the file manager</source>
        <translation>在文件管理器中打开包含生成文件的文件夹</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Starts when the job before it has finished.</source>
        <translation>前一个任务完成后开始。</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>正在规划…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Done in %1</source>
        <translation>用时 %1 完成</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>qf::ui::LoraMergeJob</name>
    <message>
        <source>Unknown preset %1</source>
        <translation>未知预设 %1</translation>
    </message>
    <message>
        <source>Unexpected error while merging: %1</source>
        <translation>合并时发生意外错误：%1</translation>
    </message>
</context>
<context>
    <name>qf::ui::LoraMergePanel</name>
    <message>
        <source>Apply a LoRA adapter…</source>
        <translation>应用 LoRA 适配器…</translation>
    </message>
    <message>
        <source>Dequantize the base to F16 first</source>
        <translation>先将基础模型反量化为 F16</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Merge a LoRA adapter (a PEFT folder or a GGUF LoRA) into this model</source>
        <translation>将 LoRA 适配器（PEFT 文件夹或 GGUF LoRA）合并到此模型</translation>
    </message>
    <message>
        <source>PEFT Adapter Folder…</source>
        <translation>PEFT 适配器文件夹…</translation>
    </message>
    <message>
        <source>GGUF LoRA File…</source>
        <translation>GGUF LoRA 文件…</translation>
    </message>
    <message>
        <source>Apply a LoRA adapter</source>
        <translation>应用 LoRA 适配器</translation>
    </message>
    <message>
        <source>The base is quantized: widen it to F16, merge the adapter, then quantize once with the chosen presets</source>
        <translation>基础模型已量化：先扩展为 F16，合并适配器，再用所选预设量化一次</translation>
    </message>
    <message>
        <source>Merge the adapter into the model</source>
        <translation>将适配器合并到模型</translation>
    </message>
    <message>
        <source>Merge progress</source>
        <translation>合并进度</translation>
    </message>
    <message>
        <source>Cancel the merge</source>
        <translation>取消合并</translation>
    </message>
    <message>
        <source>Merge error</source>
        <translation>合并错误</translation>
    </message>
    <message>
        <source>LoRA adapter</source>
        <translation>LoRA 适配器</translation>
    </message>
    <message>
        <source>PEFT Adapter Folder (adapter_config.json + adapter_model.safetensors)</source>
        <translation>PEFT 适配器文件夹（adapter_config.json + adapter_model.safetensors）</translation>
    </message>
    <message>
        <source>GGUF LoRA Adapter</source>
        <translation>GGUF LoRA 适配器</translation>
    </message>
    <message>
        <source>GGUF files (*.gguf);;All files (*)</source>
        <translation>GGUF 文件 (*.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>未选择</translation>
    </message>
    <message>
        <source>Into the chosen presets</source>
        <translation>直接量化为所选预设</translation>
    </message>
    <message>
        <source>The adapter could not be merged</source>
        <translation>无法合并适配器</translation>
    </message>
    <message>
        <source>Choose a LoRA adapter first: a PEFT folder or a GGUF LoRA file.</source>
        <translation>请先选择 LoRA 适配器：PEFT 文件夹或 GGUF LoRA 文件。</translation>
    </message>
    <message>
        <source>%1 exists already.</source>
        <translation>%1 已存在。</translation>
    </message>
    <message>
        <source>Replace and Merge</source>
        <translation>替换并合并</translation>
    </message>
    <message>
        <source>Waiting for the running job…</source>
        <translation>正在等待当前任务…</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>正在合并…</translation>
    </message>
    <message>
        <source>Merging: %1</source>
        <translation>正在合并：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n weight(s) merged into %1</source>
        <translation>
            <numerusform>已将 %n 个权重合并到 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n quantized tensor(s) widened to F16)</source>
        <translation>
            <numerusform>（%n 个量化张量已扩展为 F16）</numerusform>
        </translation>
    </message>
    <message>
        <source>Dequantize and Merge</source>
        <translation>反量化并合并</translation>
    </message>
    <message>
        <source>Merge cancelled.</source>
        <translation>合并已取消。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Choose presets in the table above to quantize the merged model straight into them</source>
        <translation>在上方表格中选择预设，即可将合并后的模型直接量化为这些预设</translation>
    </message>
    <message>
        <source>Quantize the merged weights straight into %1, in one pass; otherwise the merged model keeps the base&apos;s float types</source>
        <translation>一次处理即将合并后的权重直接量化为 %1；否则合并后的模型保留基础模型的浮点类型</translation>
    </message>
    <message>
        <source>The Adapter&apos;s Base Model Folder (config.json)</source>
        <translation>适配器的基础模型文件夹（config.json）</translation>
    </message>
    <message>
        <source>Choose the Base Folder…</source>
        <translation>选择基础模型文件夹…</translation>
    </message>
</context>
<context>
    <name>qf::ui::MachineCardWidget</name>
    <message>
        <source>Machine</source>
        <translation>机器</translation>
    </message>
    <message>
        <source>Unified memory (the GPU shares the RAM)</source>
        <translation>统一内存（GPU 共享内存）</translation>
    </message>
    <message>
        <source>Detecting this machine…</source>
        <translation>正在检测本机…</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>No GPU</source>
        <translation>无 GPU</translation>
    </message>
    <message>
        <source>Memory of the GPUs used; for unified memory the GPU&apos;s working-set limit</source>
        <translation>所用 GPU 的显存；统一内存时为 GPU 的工作集上限</translation>
    </message>
    <message>
        <source>RAM kept for the operating system and other programs</source>
        <translation>为操作系统和其他程序保留的内存</translation>
    </message>
    <message>
        <source>Plan for:</source>
        <translation>规划目标：</translation>
    </message>
    <message>
        <source>RAM:</source>
        <translation>内存：</translation>
    </message>
    <message>
        <source>GPU memory:</source>
        <translation>GPU 显存：</translation>
    </message>
    <message>
        <source>Kept for the OS:</source>
        <translation>为系统保留：</translation>
    </message>
    <message>
        <source>CPU: %1, %2 threads%3</source>
        <translation>CPU：%1，%2 个线程%3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>RAM: %1 (%2 available)</source>
        <translation>内存：%1（可用 %2）</translation>
    </message>
    <message>
        <source>memory not reported</source>
        <translation>未报告显存</translation>
    </message>
    <message>
        <source>shares RAM, up to %1</source>
        <translation>共享内存，最多 %1</translation>
    </message>
    <message>
        <source>%1 VRAM</source>
        <translation>%1 显存</translation>
    </message>
    <message>
        <source> (estimate)</source>
        <translation>（估计）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>GPU: none found</source>
        <translation>GPU：未找到</translation>
    </message>
    <message>
        <source>GPU: %1</source>
        <translation>GPU：%1</translation>
    </message>
    <message>
        <source>Detected: %1 · %2 · %3</source>
        <translation>检测到：%1 · %2 · %3</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Custom machine</source>
        <translation>自定义机器</translation>
    </message>
    <message>
        <source>Sizes in GB of 10⁹ bytes: a card sold as 8 GB has 8.6 GB.</source>
        <translation>大小以 GB（10⁹ 字节）计：标称 8 GB 的显卡实际为 8.6 GB。</translation>
    </message>
    <message>
        <source>%1 of GPU memory is kept for the driver and desktop (estimate).</source>
        <translation>为驱动和桌面保留 %1 的 GPU 显存（估计）。</translation>
    </message>
    <message>
        <source>The GPU&apos;s working-set limit is Metal&apos;s default for this much RAM (estimate; sysctl iogpu.wired_limit_mb changes it).</source>
        <translation>GPU 的工作集上限为 Metal 针对此内存容量的默认值（估计；可用 sysctl iogpu.wired_limit_mb 修改）。</translation>
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
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open one or more GGUF models</source>
        <translation>打开一个或多个 GGUF 模型</translation>
    </message>
    <message>
        <source>Open &amp;Sample Model</source>
        <translation>打开示例模型(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Remove from List</source>
        <translation>从列表中移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Quantforge</source>
        <translation>关于 Quantforge(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>A job is still running. Cancel it and close Quantforge?</source>
        <translation>仍有一个任务在运行。要取消它并关闭 Quantforge 吗？</translation>
    </message>
    <message numerus="yes">
        <source>%n jobs are still running or waiting. Cancel them and close Quantforge?</source>
        <translation>
            <numerusform>仍有 %n 个任务在运行或等待。要取消它们并关闭 Quantforge 吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel Running Jobs?</source>
        <translation>取消正在运行的任务？</translation>
    </message>
    <message>
        <source>Files of cancelled jobs are not written; finished files are kept.</source>
        <translation>已取消任务的文件不会写入；已完成的文件会保留。</translation>
    </message>
    <message>
        <source>Cancel Jobs and Close</source>
        <translation>取消任务并关闭</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>继续运行</translation>
    </message>
    <message>
        <source>Reading 1 model…</source>
        <translation>正在读取 1 个模型…</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n models…</source>
        <translation>
            <numerusform>正在读取 %n 个模型…</numerusform>
        </translation>
    </message>
    <message>
        <source>The sample model is not installed (looked in %1).</source>
        <translation>示例模型未安装（已在 %1 中查找）。</translation>
    </message>
    <message>
        <source>Opened %1 (%2) in %3 ms</source>
        <translation>已打开 %1（%2），用时 %3 毫秒</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Produced %1</source>
        <translation>已生成 %1</translation>
    </message>
    <message numerus="yes">
        <source>Produced %n files</source>
        <translation>
            <numerusform>已生成 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Models</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>清空菜单(&amp;C)</translation>
    </message>
    <message>
        <source>%1 — Quantforge</source>
        <translation>%1 — Quantforge</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>The opened models and the files made from them</source>
        <translation>已打开的模型及由其生成的文件</translation>
    </message>
    <message>
        <source>Open models</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Remove the selected model from the list</source>
        <translation>从列表中移除所选模型</translation>
    </message>
    <message>
        <source>Show the %1 page</source>
        <translation>显示“%1”页面</translation>
    </message>
    <message>
        <source>Start producing (Produce page)</source>
        <translation>开始生成（“生成”页面）</translation>
    </message>
    <message>
        <source>Cancel the focused job</source>
        <translation>取消当前聚焦的任务</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>%1 is a LoRA adapter: open the model to merge it into first, then add the adapter again</source>
        <translation>%1 是 LoRA 适配器：请先打开要合并到的模型，然后再次添加该适配器</translation>
    </message>
    <message>
        <source>LoRA adapter %1 chosen: Merge puts it into %2</source>
        <translation>已选择 LoRA 适配器 %1：“合并”会将其合并到 %2</translation>
    </message>
</context>
<context>
    <name>qf::ui::MixPredictJob</name>
    <message>
        <source>A custom mix is made from a GGUF file; convert this folder first.</source>
        <translation>自定义混合需要 GGUF 文件；请先转换此文件夹。</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelCardWidget</name>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>注意力头</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>嵌入维度</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>词表</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation>每权重位数</translation>
    </message>
    <message>
        <source>Bytes by tensor type</source>
        <translation>按张量类型的字节数</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n shards)</source>
        <translation>
            <numerusform>%1（%n 个分片）</numerusform>
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
        <translation>%1，%2 个专家</translation>
    </message>
    <message>
        <source>%1 (feed-forward %2)</source>
        <translation>%1（前馈 %2）</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 个词元</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1 bytes in the file, %2 bytes of tensor data</source>
        <translation>文件共 %1 字节，其中张量数据 %2 字节</translation>
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
        <translation>1 个张量</translation>
    </message>
    <message numerus="yes">
        <source>%n tensors</source>
        <translation>
            <numerusform>%n 个张量</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · Hugging Face folder, read as F16</source>
        <translation>%1 · Hugging Face 文件夹，按 F16 读取</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelCopyJob</name>
    <message>
        <source>Unexpected error while copying: %1</source>
        <translation>复制时发生意外错误：%1</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelListModel</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>自定义混合</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelLoadJob</name>
    <message>
        <source>Unexpected error while reading %1: %2</source>
        <translation>读取 %1 时发生意外错误：%2</translation>
    </message>
</context>
<context>
    <name>qf::ui::OverviewPage</name>
    <message>
        <source>Filter tensors by name, e.g. attn_k or blk.0.</source>
        <translation>按名称筛选张量，例如 attn_k 或 blk.0.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>1 tensor</source>
        <translation>1 个张量</translation>
    </message>
    <message numerus="yes">
        <source>%n tensors</source>
        <translation>
            <numerusform>%n 个张量</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of 1 tensor</source>
        <translation>%1 / 1 个张量</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n tensors</source>
        <translation>
            <numerusform>%1 / %n 个张量</numerusform>
        </translation>
    </message>
    <message>
        <source>A Hugging Face folder is not a GGUF file: produce a quant from it on the Produce page, then export the quant.</source>
        <translation>Hugging Face 文件夹不是 GGUF 文件：请先在“生成”页面从中生成量化模型，再导出该量化模型。</translation>
    </message>
    <message>
        <source>Tensor filter</source>
        <translation>张量筛选</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>张量</translation>
    </message>
</context>
<context>
    <name>qf::ui::PresetPlanJob</name>
    <message>
        <source>%1 stores the experts of a mixture-of-experts model as MXFP4; this model has none, so every tensor is Q8_0, as with the Q8_0 preset.</source>
        <translation>%1 以 MXFP4 存储混合专家模型的专家；此模型没有专家，所以每个张量都是 Q8_0，与 Q8_0 预设相同。</translation>
    </message>
    <message numerus="yes">
        <source>%n of the importance matrix&apos;s entries name no tensor of this model (e.g. %1); they are not used. Was it made for another model?</source>
        <translation>
            <numerusform>重要性矩阵中有 %n 个条目不对应此模型的任何张量（如 %1）；它们不会被使用。它是为别的模型生成的吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>No entry of the importance matrix names a tensor of this model: quantizing without it.</source>
        <translation>重要性矩阵中没有条目对应此模型的张量：将不使用它进行量化。</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) have rows that do not fit the wanted type&apos;s blocks and use a fallback type.</source>
        <translation>
            <numerusform>%n 个张量的行不符合目标类型的块大小，改用替代类型。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The importance matrix has no entry for %n quantized tensor(s), e.g. %1; they are quantized without it.</source>
        <translation>
            <numerusform>重要性矩阵缺少 %n 个量化张量的条目（如 %1）；这些张量将不使用它进行量化。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qf::ui::PresetTableModel</name>
    <message>
        <source>The model already is %1: this would only copy it.</source>
        <translation>模型已经是 %1：这样只会复制它。</translation>
    </message>
    <message>
        <source>Cannot be made from this model: %1</source>
        <translation>无法从此模型生成：%1</translation>
    </message>
    <message>
        <source>%1 bytes, exactly</source>
        <translation>精确为 %1 字节</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>位/权重</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Same file as %1 on this model: its rows do not fit this preset&apos;s blocks (%2).</source>
        <translation>在此模型上与 %1 生成相同文件：其行长度不适合此预设的块（%2）。</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) use a fallback type: %1.</source>
        <translation>
            <numerusform>%n 个张量使用了回退类型：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Needs an importance matrix: check it to compute one from text, or choose one below.</source>
        <translation>需要重要性矩阵：勾选即可从文本计算一个，或在下方选择一个。</translation>
    </message>
    <message>
        <source>Same file as %1 on this model: every tensor gets the same type.</source>
        <translation>在此模型上与 %1 是同一文件：每个张量的类型都相同。</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>约 %1</translation>
    </message>
    <message>
        <source>%1 bytes, and the importance matrix&apos;s name, its text&apos;s name and two counts in the metadata (a few hundred bytes more)</source>
        <translation>%1 字节，另加元数据中的重要性矩阵名称、其文本名称和两个计数（多几百字节）</translation>
    </message>
</context>
<context>
    <name>qf::ui::PresetText</name>
    <message>
        <source>32-bit floats: exact, four times the size of 8-bit</source>
        <translation>32 位浮点：精确，大小是 8 位的四倍</translation>
    </message>
    <message>
        <source>16-bit floats: the usual unquantized model</source>
        <translation>16 位浮点：常见的未量化模型</translation>
    </message>
    <message>
        <source>bfloat16: the range of F32 at half its size, unquantized</source>
        <translation>bfloat16：F32 的数值范围、一半的大小，未量化</translation>
    </message>
    <message>
        <source>8-bit: nearly indistinguishable from F16, half its size</source>
        <translation>8 位：与 F16 几乎无差别，大小减半</translation>
    </message>
    <message>
        <source>6-bit K-quant: very close to F16</source>
        <translation>6 位 K 量化：非常接近 F16</translation>
    </message>
    <message>
        <source>5-bit K-quant, with 6-bit for half of attn_v and ffn_down: high quality</source>
        <translation>5 位 K 量化，attn_v 与 ffn_down 的一半用 6 位：高质量</translation>
    </message>
    <message>
        <source>5-bit K-quant throughout: high quality, a little smaller</source>
        <translation>全部 5 位 K 量化：高质量，略小</translation>
    </message>
    <message>
        <source>legacy 5-bit with offsets: superseded by Q5_K_M</source>
        <translation>旧式带偏移 5 位：已被 Q5_K_M 取代</translation>
    </message>
    <message>
        <source>legacy 5-bit: superseded by Q5_K_S</source>
        <translation>旧式 5 位：已被 Q5_K_S 取代</translation>
    </message>
    <message>
        <source>4-bit K-quant, with 6-bit for half of attn_v and ffn_down: the usual balance of size and quality</source>
        <translation>4 位 K 量化，attn_v 与 ffn_down 的一半用 6 位：大小与质量的常用平衡</translation>
    </message>
    <message>
        <source>4-bit K-quant, a few 5-bit tensors: smaller, a bit worse</source>
        <translation>4 位 K 量化，少数张量 5 位：更小，稍差</translation>
    </message>
    <message>
        <source>legacy 4-bit with offsets: superseded by Q4_K_M</source>
        <translation>旧式带偏移 4 位：已被 Q4_K_M 取代</translation>
    </message>
    <message>
        <source>4-bit non-linear, blocks of 32: Q4_0&apos;s size with better quality</source>
        <translation>4 位非线性，32 元素块：Q4_0 的大小，质量更好</translation>
    </message>
    <message>
        <source>legacy 4-bit: fast on many back ends, lower quality</source>
        <translation>旧式 4 位：在许多后端上很快，质量较低</translation>
    </message>
    <message>
        <source>4.25-bit non-linear: close to Q4_K_S quality, smaller</source>
        <translation>4.25 位非线性：接近 Q4_K_S 的质量，更小</translation>
    </message>
    <message>
        <source>3-bit K-quant, 5-bit attn_v, attn_output and ffn_down: the best 3-bit</source>
        <translation>3 位 K 量化，attn_v、attn_output 与 ffn_down 用 5 位：最好的 3 位</translation>
    </message>
    <message>
        <source>3-bit K-quant, 4/5-bit for sensitive tensors</source>
        <translation>3 位 K 量化，敏感张量用 4/5 位</translation>
    </message>
    <message>
        <source>3-bit K-quant throughout: small, noticeable loss</source>
        <translation>全部 3 位 K 量化：小，损失明显</translation>
    </message>
    <message>
        <source>mixture-of-experts only: experts in MXFP4 (4-bit floats, as gpt-oss ships), the rest 8-bit</source>
        <translation>仅限混合专家模型：专家用 MXFP4（4 位浮点，与 gpt-oss 发布时相同），其余 8 位</translation>
    </message>
    <message>
        <source>3.4-bit codebook quant, 4-bit attention: about Q3_K_M quality, smaller; best with an imatrix</source>
        <translation>3.4 位码本量化，注意力 4 位：质量约同 Q3_K_M，更小；最好配合重要性矩阵</translation>
    </message>
    <message>
        <source>3.4-bit codebook quant: better than Q3_K_S at its size; best with an imatrix</source>
        <translation>3.4 位码本量化：同等大小下优于 Q3_K_S；最好配合重要性矩阵</translation>
    </message>
    <message>
        <source>3.3-bit codebook mix: needs an imatrix; a little smaller than IQ3_S</source>
        <translation>3.3 位码本混合：需要重要性矩阵；比 IQ3_S 略小</translation>
    </message>
    <message>
        <source>3.06-bit codebook quant: needs an imatrix; near Q3_K_S quality at Q2_K&apos;s size</source>
        <translation>3.06 位码本量化：需要重要性矩阵；以 Q2_K 的大小接近 Q3_K_S 的质量</translation>
    </message>
    <message>
        <source>2-bit K-quant with 3-bit for sensitive tensors: smallest K-quant, large loss</source>
        <translation>2 位 K-quant，敏感张量用 3 位：最小的 K-quant，损失大</translation>
    </message>
    <message>
        <source>2-bit K-quant, fewer 3/4-bit tensors: needs an imatrix; IQ2_M is better at its size</source>
        <translation>2 位 K-quant，3/4 位张量更少：需要重要性矩阵；同等大小下 IQ2_M 更好</translation>
    </message>
    <message>
        <source>2.7-bit codebook mix: needs an imatrix; the usable floor for big models on small machines</source>
        <translation>2.7 位码本混合：需要重要性矩阵；小机器跑大模型的可用下限</translation>
    </message>
    <message>
        <source>2.5-bit codebook mix: needs an imatrix; clearly worse than IQ2_M</source>
        <translation>2.5 位码本混合：需要重要性矩阵；明显不如 IQ2_M</translation>
    </message>
    <message>
        <source>2.3-bit codebook quant: needs an imatrix; large loss</source>
        <translation>2.3 位码本量化：需要重要性矩阵；损失大</translation>
    </message>
    <message>
        <source>2.06-bit codebook quant: needs an imatrix; large loss, only for very large models</source>
        <translation>2.06 位码本量化：需要重要性矩阵；损失大，仅适合超大模型</translation>
    </message>
    <message>
        <source>1.75-bit: needs an imatrix; severe loss, a last resort for huge models</source>
        <translation>1.75 位：需要重要性矩阵；损失严重，超大模型的最后手段</translation>
    </message>
    <message>
        <source>1.56-bit: needs an imatrix; severe loss, mostly an experiment</source>
        <translation>1.56 位：需要重要性矩阵；损失严重，基本是实验</translation>
    </message>
    <message>
        <source>2-bit levels -1..2 per 64 values: only for models trained for it; unusable on ordinary models</source>
        <translation>每 64 个值 2 位电平 -1..2：仅适用于为此训练的模型；普通模型无法使用</translation>
    </message>
    <message>
        <source>ternary, 2 bits per weight: only for ternary-trained models (BitNet b1.58, TriLM)</source>
        <translation>三值，每权重 2 位：仅适用于三值训练的模型（BitNet b1.58、TriLM）</translation>
    </message>
    <message>
        <source>ternary, 1.69 bits per weight: only for ternary-trained models (BitNet b1.58, TriLM)</source>
        <translation>三值，每权重 1.69 位：仅适用于三值训练的模型（BitNet b1.58、TriLM）</translation>
    </message>
    <message>
        <source>1-bit signs per 128 values: only for models trained for it; unusable on ordinary models</source>
        <translation>每 128 个值 1 位符号：仅适用于为此训练的模型；普通模型无法使用</translation>
    </message>
</context>
<context>
    <name>qf::ui::ProducePage</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Produce the chosen presets in one pass over the model (Ctrl+Enter)</source>
        <translation>对模型只读一遍即生成所选预设（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Beside Model</source>
        <translation>模型旁边</translation>
    </message>
    <message>
        <source>Write new files into the folder of the model they are made from</source>
        <translation>将新文件写入其源模型所在的文件夹</translation>
    </message>
    <message>
        <source>of %1 on this machine</source>
        <translation>（本机共 %1 个）</translation>
    </message>
    <message>
        <source>&amp;Importance matrix:</source>
        <translation>重要性矩阵(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>输出文件夹(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>线程(&amp;T)：</translation>
    </message>
    <message>
        <source>Produce</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Beside the model</source>
        <translation>模型旁边</translation>
    </message>
    <message>
        <source>Output Folder for New Quants</source>
        <translation>新量化文件的输出文件夹</translation>
    </message>
    <message>
        <source>%1 is already quantized</source>
        <translation>%1 已经是量化模型</translation>
    </message>
    <message>
        <source>Quantizing a quantized model again loses quality, so no preset is offered for it. Open the F16, BF16 or F32 original of this model and produce from that.

%1</source>
        <translation>对已量化的模型再次量化会损失质量，因此不提供预设。请打开此模型的 F16、BF16 或 F32 原始文件并从中生成。

%1</translation>
    </message>
    <message>
        <source>No preset can be made from this model</source>
        <translation>无法从此模型生成任何预设</translation>
    </message>
    <message>
        <source>Select a model in the list first.</source>
        <translation>请先在列表中选择一个模型。</translation>
    </message>
    <message>
        <source>Working out the sizes…</source>
        <translation>正在计算大小…</translation>
    </message>
    <message>
        <source>Nothing can be produced from this model (see above).</source>
        <translation>无法从此模型生成任何内容（见上文）。</translation>
    </message>
    <message>
        <source>Choose one or more presets above.</source>
        <translation>请在上方选择一个或多个预设。</translation>
    </message>
    <message>
        <source>%1 is already being produced by a job in the queue.</source>
        <translation>队列中已有任务在生成 %1。</translation>
    </message>
    <message>
        <source>The output folder %1 does not exist.</source>
        <translation>输出文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 个文件</translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 in total, into %3</source>
        <translation>%1，共 %2，写入 %3</translation>
    </message>
    <message>
        <source>%1 already exists in %2. Replace it?</source>
        <translation>%1 已存在于 %2 中。要替换吗？</translation>
    </message>
    <message>
        <source>These files already exist in %1:

%2

Replace them?</source>
        <translation>以下文件已存在于 %1 中：

%2

要替换它们吗？</translation>
    </message>
    <message>
        <source>Replace Existing Files?</source>
        <translation>替换现有文件？</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Start producing the chosen presets</source>
        <translation>开始生成所选预设</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>选择输出文件夹</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>Producing starts when the importance matrix is computed.</source>
        <translation>重要性矩阵计算完成后开始生成。</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message numerus="yes">
        <source>The other %n file(s) are new.</source>
        <translation>
            <numerusform>其余 %n 个文件是新的。</numerusform>
        </translation>
    </message>
    <message>
        <source>Skip Existing</source>
        <translation>跳过已有文件</translation>
    </message>
    <message>
        <source>Nothing produced: the existing files were kept.</source>
        <translation>未生成任何文件：已保留现有文件。</translation>
    </message>
    <message>
        <source>%1 needs an importance matrix: choose one, or compute one from text.</source>
        <translation>%1 需要重要性矩阵：选择一个，或从文本计算一个。</translation>
    </message>
    <message>
        <source>Measures how sensitive each tensor is (cached), chooses a type per tensor within the budget, and writes the file</source>
        <translation>测量每个张量的敏感度（有缓存），在预算内为每个张量选择类型，然后写入文件</translation>
    </message>
    <message>
        <source>Custom mix within %1 (from Recommend)</source>
        <translation>%1 以内的自定义混合（来自“推荐”）</translation>
    </message>
    <message>
        <source>Custom mix (%1)</source>
        <translation>自定义混合（%1）</translation>
    </message>
    <message>
        <source>Split into parts of at most</source>
        <translation>拆分为每部分最多</translation>
    </message>
    <message>
        <source>Writes each file as name-00001-of-0000N.gguf parts, as llama.cpp&apos;s gguf-split does; llama.cpp and Quantforge open the first part as the whole model</source>
        <translation>将每个文件写成 name-00001-of-0000N.gguf 分片，与 llama.cpp 的 gguf-split 相同；llama.cpp 和 Quantforge 打开第一个分片即为整个模型</translation>
    </message>
    <message>
        <source>Largest part in GB</source>
        <translation>最大分片（GB）</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Large files:</source>
        <translation>大文件：</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>约 %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::QuantizeJobRunner</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Unexpected error while quantizing: %1</source>
        <translation>量化时发生意外错误：%1</translation>
    </message>
    <message>
        <source>Custom mix: %1</source>
        <translation>自定义混合：%1</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>自定义混合</translation>
    </message>
    <message>
        <source>Measuring sensitivity: %1</source>
        <translation>正在测量敏感度：%1</translation>
    </message>
    <message>
        <source>Checking the source (sha256 for the reproducibility record)</source>
        <translation>正在检查源文件（用于可复现记录的 sha256）</translation>
    </message>
    <message>
        <source>The files were written, but not the reproducibility record: %1</source>
        <translation>文件已写入，但可复现记录未写入：%1</translation>
    </message>
</context>
<context>
    <name>qf::ui::RecommendPage</name>
    <message>
        <source>Produce Selected</source>
        <translation>生成所选</translation>
    </message>
    <message>
        <source>Open the Produce page with the checked presets</source>
        <translation>用勾选的预设打开“生成”页面</translation>
    </message>
    <message>
        <source>F16 (default)</source>
        <translation>F16（默认）</translation>
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
        <translation>llama.cpp 的 --cache-type-k/-v：量化的 KV 缓存占用更少内存</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>上下文：</translation>
    </message>
    <message>
        <source>KV cache:</source>
        <translation>KV 缓存：</translation>
    </message>
    <message>
        <source>Recommend</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Planning every preset for %1…</source>
        <translation>正在为 %1 规划所有预设…</translation>
    </message>
    <message>
        <source>Cannot recommend for this model: %1</source>
        <translation>无法为此模型给出推荐：%1</translation>
    </message>
    <message>
        <source>Detecting this machine…</source>
        <translation>正在检测本机…</translation>
    </message>
    <message>
        <source>Open a model to see which preset suits this machine.</source>
        <translation>打开一个模型，查看哪个预设适合本机。</translation>
    </message>
    <message>
        <source>Recommended: %1</source>
        <translation>推荐：%1</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 个词元</translation>
    </message>
    <message>
        <source>Produce %1 Selected</source>
        <translation>生成所选的 %1 个</translation>
    </message>
    <message>
        <source>Presets for this machine</source>
        <translation>适合此计算机的预设</translation>
    </message>
    <message>
        <source>Nothing fits</source>
        <translation>都放不下</translation>
    </message>
    <message>
        <source>No preset can be made from this file</source>
        <translation>无法从此文件生成任何预设</translation>
    </message>
    <message>
        <source>%1, fully on the GPU</source>
        <translation>%1，完全在 GPU 上</translation>
    </message>
    <message>
        <source>%1, %2 of %3 layers on the GPU</source>
        <translation>%1，%3 层中的 %2 层在 GPU 上</translation>
    </message>
    <message>
        <source>%1, on the CPU</source>
        <translation>%1，在 CPU 上</translation>
    </message>
    <message>
        <source>Expected quality: %1.</source>
        <translation>预期质量：%1。</translation>
    </message>
    <message>
        <source>Fit This Machine</source>
        <translation>适配本机</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>The custom mix&apos;s whole file size; by default what fits this machine at this context</source>
        <translation>自定义混合的完整文件大小；默认为本机在此上下文下能容纳的大小</translation>
    </message>
    <message>
        <source>Make the budget what fits this machine at this context again</source>
        <translation>将预算重新设为本机在此上下文下能容纳的大小</translation>
    </message>
    <message>
        <source>Custom mix budget:</source>
        <translation>自定义混合预算：</translation>
    </message>
    <message>
        <source>Measure Sensitivity</source>
        <translation>测量敏感度</translation>
    </message>
    <message>
        <source>Stop Measuring</source>
        <translation>停止测量</translation>
    </message>
    <message>
        <source>Made from GGUF files only</source>
        <translation>仅能从 GGUF 文件生成</translation>
    </message>
    <message>
        <source>Measuring sensitivity…</source>
        <translation>正在测量敏感度…</translation>
    </message>
    <message>
        <source>Measuring sensitivity… %1 %</source>
        <translation>正在测量敏感度… %1 %</translation>
    </message>
    <message>
        <source>Not measured yet: Measure Sensitivity predicts its quality</source>
        <translation>尚未测量：“测量敏感度”可预测其质量</translation>
    </message>
    <message>
        <source>Measuring stopped: Measure Sensitivity starts again</source>
        <translation>测量已停止：“测量敏感度”可重新开始</translation>
    </message>
    <message>
        <source>Predicting…</source>
        <translation>正在预测…</translation>
    </message>
    <message>
        <source>Not measured yet</source>
        <translation>尚未测量</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>qf::ui::RecommendPhrase</name>
    <message>
        <source>%1 of KV cache (%2, %3 tokens)</source>
        <translation>%1 KV 缓存（%2，%3 个词元）</translation>
    </message>
    <message>
        <source>%1 of weights, %2 and about %3 of compute buffer make %4</source>
        <translation>%1 权重、%2 和约 %3 计算缓冲区，共 %4</translation>
    </message>
    <message>
        <source>the %1 the GPU may use of unified memory (working-set limit %2, %3 of RAM minus %4 for the OS)</source>
        <translation>GPU 可用的统一内存 %1（工作集上限 %2，%3 内存减去系统保留的 %4）</translation>
    </message>
    <message>
        <source>the %1 the GPU may use of unified memory (estimated working-set limit %2, %3 of RAM minus %4 for the OS)</source>
        <translation>GPU 可用的统一内存 %1（估计工作集上限 %2，%3 内存减去系统保留的 %4）</translation>
    </message>
    <message>
        <source>the %1 usable on the GPU (%2 minus %3 for the driver and desktop)</source>
        <translation>GPU 上可用的 %1（%2 减去驱动和桌面占用的 %3）</translation>
    </message>
    <message>
        <source>the %1 of RAM usable (%2 minus %3 kept for the OS)</source>
        <translation>可用内存 %1（%2 减去为系统保留的 %3）</translation>
    </message>
    <message>
        <source>%1 fits fully on the GPU: %2, within %3; the token embedding (%4) stays in system RAM.</source>
        <translation>%1 可完全放入 GPU：%2，在 %3 之内；词元嵌入（%4）留在系统内存中。</translation>
    </message>
    <message>
        <source>%1 runs from system RAM: %2, within %3.</source>
        <translation>%1 在系统内存中运行：%2，在 %3 之内。</translation>
    </message>
    <message>
        <source>Q4_K_M cannot be made from this file%1</source>
        <translation>无法从此文件生成 Q4_K_M%1</translation>
    </message>
    <message>
        <source>Q4_K_M is the usual balance of size and quality%1</source>
        <translation>Q4_K_M 是大小与质量的常用平衡%1</translation>
    </message>
    <message>
        <source>Started from Q4_K_M, the usual balance of size and quality, and went up while it still fit%1</source>
        <translation>从大小与质量的常用平衡 Q4_K_M 开始，在仍能放下时逐级向上%1</translation>
    </message>
    <message>
        <source>; %1 would need %2.</source>
        <translation>；%1 需要 %2。</translation>
    </message>
    <message>
        <source>; Q8_0 is the top of the usual range (F16 doubles the size for no measurable gain).</source>
        <translation>；Q8_0 是常用范围的上限（F16 体积翻倍却没有可测的收益）。</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>On the CPU speed falls with size: Q4_K_M would generate about %1x as fast.</source>
        <translation>在 CPU 上速度随大小下降：Q4_K_M 的生成速度约为 %1 倍。</translation>
    </message>
    <message>
        <source>%1 would need %2, more than %3.</source>
        <translation>%1 需要 %2，超过 %3。</translation>
    </message>
    <message>
        <source>Among the 4-bit presets it is the best that fits; Q4_K_M with part of its layers on the GPU would be slower.</source>
        <translation>在 4 位预设中这是能放下的最佳选择；把部分层放在 GPU 上的 Q4_K_M 会更慢。</translation>
    </message>
    <message>
        <source>Among the 4-bit presets it is the best that fits.</source>
        <translation>在 4 位预设中这是能放下的最佳选择。</translation>
    </message>
    <message>
        <source>%1 needs %2 to run fully on the GPU with this context, more than %3. So %4 of its %5 layers go to the GPU (%6 there) and the rest run from system RAM (%7 of %8 usable).</source>
        <translation>%1 在此上下文下完全放在 GPU 上需要 %2，超过 %3。因此其 %5 层中的 %4 层放到 GPU 上（占用 %6），其余在系统内存中运行（可用 %8 中的 %7）。</translation>
    </message>
    <message>
        <source>Not one layer of %1 fits in %2, so it runs from system RAM: %3, within %4.</source>
        <translation>%1 没有一层能放入 %2，因此在系统内存中运行：%3，在 %4 之内。</translation>
    </message>
    <message>
        <source>Higher presets would leave more layers on the CPU and run slower.</source>
        <translation>更高的预设会让更多层留在 CPU 上，运行更慢。</translation>
    </message>
    <message>
        <source>%1 would fit fully on the GPU and run faster, but it is below 4 bits.</source>
        <translation>%1 可完全放入 GPU 且更快，但低于 4 位。</translation>
    </message>
    <message>
        <source>fully on the GPU</source>
        <translation>完全在 GPU 上</translation>
    </message>
    <message>
        <source>with %1 of %2 layers on the GPU</source>
        <translation>%2 层中 %1 层在 GPU 上</translation>
    </message>
    <message>
        <source>from system RAM</source>
        <translation>在系统内存中</translation>
    </message>
    <message>
        <source>Even %1 does not fit: it needs %2 with this context, more than the %3 usable. %4 is the largest preset that does, %5 (%6 needed).</source>
        <translation>即使 %1 也放不下：在此上下文下需要 %2，超过可用的 %3。能放下的最大预设是 %4，%5 运行（需要 %6）。</translation>
    </message>
    <message>
        <source>%1 is below 4 bits per weight: expect a clear loss of quality. When quality matters, a smaller model at Q4_K_M or higher is usually the better choice.</source>
        <translation>%1 低于每权重 4 位：预计质量明显下降。若重视质量，更小的模型配 Q4_K_M 或更高通常是更好的选择。</translation>
    </message>
    <message>
        <source>%1 needs an importance matrix: compute one from calibration text (quantforge-cli imatrix) before producing it.</source>
        <translation>%1 需要重要性矩阵：生成之前先从校准文本计算一个（生成页面或 quantforge-cli imatrix）。</translation>
    </message>
    <message>
        <source>Even the smallest preset, %1, needs %2 with a %3-token context (%4 of it KV cache), more than the %5 this machine has usable.</source>
        <translation>即使最小的预设 %1，在 %3 个词元的上下文下也需要 %2（其中 KV 缓存 %4），超过本机可用的 %5。</translation>
    </message>
    <message>
        <source>Even the smallest preset, %1, needs %2 with a %3-token context (%4 of it KV cache), more than the %5 this machine has usable in RAM and GPU memory together.</source>
        <translation>即使最小的预设 %1，在 %3 个词元的上下文下也需要 %2（其中 KV 缓存 %4），超过本机内存与显存合计可用的 %5。</translation>
    </message>
    <message>
        <source>No presets.</source>
        <translation>没有预设。</translation>
    </message>
    <message>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>With a context of %1 tokens, %2 would fit.</source>
        <translation>若上下文为 %1 个词元，%2 可以放下。</translation>
    </message>
    <message>
        <source>With a context of %1 tokens, %2 would fit fully on the GPU.</source>
        <translation>若上下文为 %1 个词元，%2 可完全放入 GPU。</translation>
    </message>
    <message>
        <source>With a context of %1 tokens, %2 would fit in RAM.</source>
        <translation>若上下文为 %1 个词元，%2 可放入内存。</translation>
    </message>
    <message>
        <source>With a %1 KV cache (%2 instead of %3), %4 would fit.</source>
        <translation>若使用 %1 KV 缓存（%2 而非 %3），%4 可以放下。</translation>
    </message>
    <message>
        <source>With a %1 KV cache (%2 instead of %3), %4 would fit fully on the GPU.</source>
        <translation>若使用 %1 KV 缓存（%2 而非 %3），%4 可完全放入 GPU。</translation>
    </message>
    <message>
        <source>With a %1 KV cache (%2 instead of %3), %4 would fit in RAM.</source>
        <translation>若使用 %1 KV 缓存（%2 而非 %3），%4 可放入内存。</translation>
    </message>
    <message>
        <source>A GPU with %1 of memory would hold %2 completely.</source>
        <translation>显存为 %1 的 GPU 可完整容纳 %2。</translation>
    </message>
    <message>
        <source>A smaller model would fit: about %1 B parameters at %2 with this context (this one has %3 B).</source>
        <translation>更小的模型可以放下：在此上下文下 %2 约 %1 B 参数（此模型为 %3 B）。</translation>
    </message>
    <message>
        <source>The context (%1 tokens) is longer than the model was trained for (%2 tokens).</source>
        <translation>上下文（%1 个词元）比模型训练时的长度（%2 个词元）更长。</translation>
    </message>
</context>
<context>
    <name>qf::ui::RecommendTableModel</name>
    <message>
        <source>Fits on GPU</source>
        <translation>可完全放入 GPU</translation>
    </message>
    <message>
        <source>Partial: %1 of %2 layers on GPU</source>
        <translation>部分：%2 层中的 %1 层在 GPU 上</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>仅 CPU</translation>
    </message>
    <message>
        <source>Does not fit</source>
        <translation>放不下</translation>
    </message>
    <message>
        <source>%1 GPU</source>
        <translation>%1 GPU</translation>
    </message>
    <message>
        <source>%1 GPU + %2 RAM</source>
        <translation>%1 GPU + %2 内存</translation>
    </message>
    <message>
        <source>%1 RAM</source>
        <translation>%1 内存</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>lossless (unquantized)</source>
        <translation>无损（未量化）</translation>
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
        <translation>%1（实测）</translation>
    </message>
    <message>
        <source>Cannot be made</source>
        <translation>无法生成</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Exact file size: %1 bytes, %2 bits per weight</source>
        <translation>精确文件大小：%1 字节，每权重 %2 位</translation>
    </message>
    <message>
        <source>Weights %1 (exact) + KV cache %2 (exact) + compute buffer about %3 (estimate) = %4</source>
        <translation>权重 %1（精确）+ KV 缓存 %2（精确）+ 计算缓冲区约 %3（估计）= %4</translation>
    </message>
    <message>
        <source>Estimate: tokens per second relative to this model&apos;s F16 weights read from system RAM (memory-bandwidth model)</source>
        <translation>估计：相对于从系统内存读取此模型 F16 权重时的每秒词元数（内存带宽模型）</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation>所需内存</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适配</translation>
    </message>
    <message>
        <source>Expected quality</source>
        <translation>预期质量</translation>
    </message>
    <message>
        <source>Speed (est.)</source>
        <translation>速度（估计）</translation>
    </message>
    <message>
        <source>Exact: from the quantization plan</source>
        <translation>精确：来自量化计划</translation>
    </message>
    <message>
        <source>Weights and KV cache are exact; the compute buffer is an estimate</source>
        <translation>权重和 KV 缓存为精确值；计算缓冲区为估计值</translation>
    </message>
    <message>
        <source>Measured on this model when available; otherwise the typical value for the preset (an estimate)</source>
        <translation>如有则为此模型的实测值；否则为该预设的典型值（估计）</translation>
    </message>
    <message>
        <source>Estimated tokens per second relative to F16 read from system RAM</source>
        <translation>相对于从系统内存读取 F16 的估计每秒词元数</translation>
    </message>
    <message>
        <source>lossless</source>
        <translation>无损</translation>
    </message>
    <message>
        <source>near-lossless</source>
        <translation>近乎无损</translation>
    </message>
    <message>
        <source>very good</source>
        <translation>很好</translation>
    </message>
    <message>
        <source>reduced</source>
        <translation>有所下降</translation>
    </message>
    <message>
        <source>low</source>
        <translation>较低</translation>
    </message>
    <message>
        <source>%1 · ΔPPL within ± %2 %</source>
        <translation>%1 · ΔPPL 在 ± %2 % 以内</translation>
    </message>
    <message>
        <source>%1 (est. from this model)</source>
        <translation>%1（据本模型估计）</translation>
    </message>
    <message>
        <source>%1 (typical, est.)</source>
        <translation>%1（典型值，估计）</translation>
    </message>
    <message>
        <source>Measured on this model: %1</source>
        <translation>在本模型上测得：%1</translation>
    </message>
    <message>
        <source>Estimated from what was measured on this model (interpolated along bits per weight); evaluate this preset to measure it.</source>
        <translation>根据本模型的测量结果估计（按每权重位数插值）；评估此预设即可实测。</translation>
    </message>
    <message>
        <source>Typical value on a small reference model (llama.cpp&apos;s perplexity and KL divergence); an estimate: evaluate quants on the Compare page to measure this model.</source>
        <translation>小型参考模型上的典型值（llama.cpp 的困惑度与 KL 散度）；仅为估计：在“比较”页评估量化文件即可实测本模型。</translation>
    </message>
    <message>
        <source>%1 (= %2)</source>
        <translation>%1（= %2）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n fallback(s))</source>
        <translation>
            <numerusform>%1（%n 个回退）</numerusform>
        </translation>
    </message>
    <message>
        <source>Same file as %1 on this model: its rows do not fit this preset&apos;s blocks (%2).</source>
        <translation>在此模型上与 %1 生成相同文件：其行长度不适合此预设的块（%2）。</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) use a fallback type: %1.</source>
        <translation>
            <numerusform>%n 个张量使用了回退类型：%1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2 for %n tensor(s)</source>
        <translation>
            <numerusform>%n 个张量 %1 → %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Same file as %1 on this model: every tensor gets the same type.</source>
        <translation>在此模型上与 %1 是同一文件：每个张量的类型都相同。</translation>
    </message>
    <message>
        <source>Custom mix — fits this machine exactly</source>
        <translation>自定义混合 — 恰好适合本机</translation>
    </message>
    <message>
        <source>≤ %1</source>
        <translation>≤ %1</translation>
    </message>
    <message>
        <source>KLD %1 ± %2 (measured) · %3 predicted</source>
        <translation>KLD %1 ± %2（实测）· 预测 %3</translation>
    </message>
    <message>
        <source>KLD %1 (predicted)</source>
        <translation>KLD %1（预测）</translation>
    </message>
    <message>
        <source>Standard GGUF types chosen tensor by tensor from this model&apos;s measured sensitivity, so that the predicted loss (KL divergence) is least within %1: the largest file this machine holds at this context%2.</source>
        <translation>根据本模型实测的敏感度逐个张量选择标准 GGUF 类型，使预测损失（KL 散度）在 %1 内最小：本机在此上下文下能容纳的最大文件%2。</translation>
    </message>
    <message>
        <source>, at most the largest preset&apos;s size</source>
        <translation>，不超过最大预设的大小</translation>
    </message>
    <message>
        <source>Budget: %1 bytes</source>
        <translation>预算：%1 字节</translation>
    </message>
    <message>
        <source>Predicted: the sum of each tensor&apos;s measured KL divergence on the calibration text. Measured: the produced file evaluated on the Compare page.</source>
        <translation>预测：各张量在校准文本上实测的 KL 散度之和。实测：在“比较”页面评估生成的文件。</translation>
    </message>
    <message>
        <source>within ± %1 %</source>
        <translation>在 ± %1 % 以内</translation>
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
        <translation>%1（估计）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>KLD %1 ± %2 (measured)</source>
        <translation>KLD %1 ± %2（实测）</translation>
    </message>
    <message>
        <source>KLD %1 (measured)</source>
        <translation>KLD %1（实测）</translation>
    </message>
    <message>
        <source>KLD %1 (pred.)</source>
        <translation>KLD %1（预测）</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>自定义混合</translation>
    </message>
    <message>
        <source>File size: %1 bytes, %2 bits per weight, and the importance matrix&apos;s name, its text&apos;s name and two counts in the metadata (a few hundred bytes more)</source>
        <translation>文件大小：%1 字节，每权重 %2 位，另加元数据中的重要性矩阵名称、其文本名称和两个计数（多几百字节）</translation>
    </message>
</context>
<context>
    <name>qf::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>全部（%1）</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>Worker threads for producing files; 0 uses all of this machine&apos;s threads</source>
        <translation>生成文件所用的工作线程；0 表示使用本机全部线程</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>线程(&amp;T)：</translation>
    </message>
    <message>
        <source>Default presets</source>
        <translation>默认预设</translation>
    </message>
    <message>
        <source>Checked presets are chosen on the Produce page when a model is opened; with none checked the recommendation decides</source>
        <translation>打开模型时，在“生成”页面上选中勾选的预设；若未勾选任何预设，则按推荐选择</translation>
    </message>
    <message>
        <source>Default &amp;presets:</source>
        <translation>默认预设(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>输出文件夹(&amp;O)：</translation>
    </message>
    <message>
        <source>Beside the model</source>
        <translation>模型所在文件夹</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>RAM kept for the OS</source>
        <translation>为操作系统保留的内存</translation>
    </message>
    <message>
        <source>RAM kept for the &amp;OS:</source>
        <translation>为操作系统保留的内存(&amp;O)：</translation>
    </message>
    <message>
        <source>Used by the Recommend page for this machine</source>
        <translation>“推荐”页面针对本机使用此值</translation>
    </message>
    <message>
        <source>&amp;Calibration text:</source>
        <translation>校准文本(&amp;C)：</translation>
    </message>
    <message>
        <source>Bundled text</source>
        <translation>自带文本</translation>
    </message>
    <message>
        <source>Text for computing importance matrices (default: %1)</source>
        <translation>用于计算重要性矩阵的文本（默认：%1）</translation>
    </message>
    <message>
        <source>&amp;Evaluation text:</source>
        <translation>评估文本(&amp;E)：</translation>
    </message>
    <message>
        <source>Text the Compare page evaluates on (default: %1)</source>
        <translation>“比较”页面用于评估的文本（默认：%1）</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Takes effect when Quantforge is started again.</source>
        <translation>重新启动 Quantforge 后生效。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Use the reference kernels (slower; for comparing results)</source>
        <translation>使用参考内核（较慢；用于比较结果）</translation>
    </message>
    <message>
        <source>Quantizes with the portable scalar code instead of this CPU&apos;s vector instructions</source>
        <translation>使用可移植的标量代码而不是本机 CPU 的向量指令进行量化</translation>
    </message>
    <message>
        <source>&amp;Kernels:</source>
        <translation>内核(&amp;K)：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose: %1</source>
        <translation>选择：%1</translation>
    </message>
    <message>
        <source>Text files (*.txt *.zst);;All files (*)</source>
        <translation>文本文件 (*.txt *.zst);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Clear Cache…</source>
        <translation>清除缓存…</translation>
    </message>
    <message>
        <source>Clear the cache</source>
        <translation>清除缓存</translation>
    </message>
    <message>
        <source>Clear Cache?</source>
        <translation>清除缓存？</translation>
    </message>
    <message>
        <source>Remove %1 of converted models and cached measurements from %2? They are made again when needed.</source>
        <translation>要从 %2 删除 %1 的已转换模型和缓存的测量结果吗？需要时会重新生成。</translation>
    </message>
    <message>
        <source>Cache:</source>
        <translation>缓存：</translation>
    </message>
    <message>
        <source>%1 of converted models and cached measurements</source>
        <translation>%1 的已转换模型和缓存的测量结果</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>Clear Cache</source>
        <translation>清除缓存</translation>
    </message>
</context>
<context>
    <name>qf::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>qf::ui::SideBySideView</name>
    <message>
        <source>&amp;Prompt:</source>
        <translation>提示词(&amp;P):</translation>
    </message>
    <message>
        <source>Text every file continues</source>
        <translation>每个文件续写的文本</translation>
    </message>
    <message>
        <source>Ma&amp;x:</source>
        <translation>最多(&amp;X):</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> 个词元</translation>
    </message>
    <message>
        <source>The most tokens each file generates</source>
        <translation>每个文件最多生成的词元数</translation>
    </message>
    <message>
        <source>Temperat&amp;ure:</source>
        <translation>温度(&amp;U):</translation>
    </message>
    <message>
        <source>0 (greedy)</source>
        <translation>0(贪心)</translation>
    </message>
    <message>
        <source>0 always picks the most likely token, so every run gives the same text</source>
        <translation>0 总是选择最可能的词元，因此每次运行都得到相同的文本</translation>
    </message>
    <message>
        <source>See&amp;d:</source>
        <translation>种子(&amp;D):</translation>
    </message>
    <message>
        <source>The same seed and temperature give the same text</source>
        <translation>相同的种子和温度会得到相同的文本</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Generate with every file at once</source>
        <translation>同时用所有文件生成</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stop every generation; the text so far stays</source>
        <translation>停止所有生成；已生成的文本保留</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Select a model to run a prompt on it and its quants.</source>
        <translation>选择一个模型，以便在它及其量化文件上运行提示词。</translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation>请先输入提示词。</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tok/s</source>
        <translation>%1 个词元 · %2 词元/秒</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>正在生成…</translation>
    </message>
    <message numerus="yes">
        <source>Generating with %n file(s)…</source>
        <translation>
            <numerusform>正在用 %n 个文件生成…</numerusform>
        </translation>
    </message>
    <message>
        <source>Generating… %1 tokens</source>
        <translation>正在生成… %1 个词元</translation>
    </message>
    <message>
        <source>Output of %1</source>
        <translation>%1 的输出</translation>
    </message>
    <message>
        <source>Once upon a time, in a small town by the sea,</source>
        <translation>很久以前，在海边的一个小镇上，</translation>
    </message>
</context>
<context>
    <name>qf::ui::SizeQualityChart</name>
    <message>
        <source>File size (MB)</source>
        <translation>文件大小 (MB)</translation>
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
        <translation>&lt;br&gt;源模型（参考）</translation>
    </message>
    <message>
        <source>No measurements yet: press Evaluate</source>
        <translation>尚无测量结果：请按“评估”</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>帕累托前沿</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Size and quality chart</source>
        <translation>大小与质量图表</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>Mean KLD</source>
        <translation>平均 KLD</translation>
    </message>
    <message>
        <source>%1: %2 MB, KLD %3</source>
        <translation>%1：%2 MB，KLD %3</translation>
    </message>
</context>
<context>
    <name>qf::ui::SourceView</name>
    <message>
        <source>No model selected</source>
        <translation>未选择模型</translation>
    </message>
    <message>
        <source>Select a model in the list, or drop GGUF files onto the window.</source>
        <translation>在列表中选择一个模型，或将 GGUF 文件拖放到窗口上。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Model pages</source>
        <translation>模型页面</translation>
    </message>
</context>
<context>
    <name>qf::ui::TensorTableModel</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>%1 elements</source>
        <translation>%1 个元素</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>张量</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
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
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>less than a second left</source>
        <translation>剩余不到 1 秒</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>剩余约 %1 秒</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>剩余约 %1 分钟</translation>
    </message>
    <message>
        <source>about %1 h %2 min left</source>
        <translation>剩余约 %1 小时 %2 分</translation>
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
