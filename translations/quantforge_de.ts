<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>main</name>
    <message>
        <source>Choose and produce quantized LLM files for your machine.</source>
        <translation>Quantisierte LLM-Dateien für Ihren Rechner auswählen und erzeugen.</translation>
    </message>
    <message>
        <source>Open the bundled sample, show its recommendation and quit; the exit code tells whether it worked.</source>
        <translation>Das mitgelieferte Beispielmodell öffnen, seine Empfehlung anzeigen und beenden; der Exit-Code zeigt, ob es funktioniert hat.</translation>
    </message>
    <message>
        <source>GGUF models to open.</source>
        <translation>Zu öffnende GGUF-Modelle.</translation>
    </message>
    <message>
        <source>Walk through the app on the bundled sample and save a PNG of each view into DIR (for the README); the exit code tells whether it worked.</source>
        <translation>Die App mit dem mitgelieferten Beispielmodell durchlaufen und von jeder Ansicht ein PNG in DIR speichern (für die README); der Exit-Code zeigt, ob es funktioniert hat.</translation>
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
        <translation>Qt: %1 (erstellt mit %2)</translation>
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
        <translation>Compiler: %1</translation>
    </message>
    <message>
        <source>Kernels: %1</source>
        <translation>Kernel: %1</translation>
    </message>
    <message>
        <source>CPU features: %1</source>
        <translation>CPU-Funktionen: %1</translation>
    </message>
    <message>
        <source>none detected</source>
        <translation>keine erkannt</translation>
    </message>
    <message>
        <source>Platform: %1 (%2)</source>
        <translation>Plattform: %1 (%2)</translation>
    </message>
    <message>
        <source>About Quantforge</source>
        <translation>Über Quantforge</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Quantforge %1&lt;/h3&gt;&lt;p&gt;Chooses, produces and compares quantized GGUF models for your machine.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Quantforge %1&lt;/h3&gt;&lt;p&gt;Wählt, erzeugt und vergleicht quantisierte GGUF-Modelle für Ihren Rechner.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Build and system information</source>
        <translation>Build- und Systeminformationen</translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>qf::ui::CacheStorage</name>
    <message>
        <source>Could not remove %1</source>
        <translation>%1 konnte nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>qf::ui::ComparePage</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <source>Cancel Evaluation</source>
        <translation>Auswertung abbrechen</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>Plain text to evaluate on</source>
        <translation>Klartext für die Auswertung</translation>
    </message>
    <message>
        <source>The text every file is evaluated on (default: the bundled evaluation text)</source>
        <translation>Der Text, auf dem jede Datei ausgewertet wird (Standard: der mitgelieferte Auswertungstext)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Evaluation Text</source>
        <translation>Auswertungstext</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Textdateien (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>C&amp;ontext:</source>
        <translation>K&amp;ontext:</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Token</translation>
    </message>
    <message>
        <source>Tokens per chunk, as llama-perplexity&apos;s -c</source>
        <translation>Token pro Abschnitt, wie -c von llama-perplexity</translation>
    </message>
    <message>
        <source>&amp;Quick: first</source>
        <translation>&amp;Schnell: erste</translation>
    </message>
    <message>
        <source>Evaluate only the first chunks of the text: faster, with a larger ±</source>
        <translation>Nur die ersten Abschnitte des Textes auswerten: schneller, mit größerem ±</translation>
    </message>
    <message>
        <source> chunks</source>
        <translation> Abschnitte</translation>
    </message>
    <message>
        <source>&amp;Evaluate</source>
        <translation>&amp;Auswerten</translation>
    </message>
    <message>
        <source>Measure perplexity, KL divergence and speed of the source and every quant listed under it (Ctrl+Enter)</source>
        <translation>Perplexität, KL-Divergenz und Geschwindigkeit der Quelle und jeder darunter aufgeführten Quantisierung messen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the evaluation (Esc); files already measured keep their results</source>
        <translation>Auswertung anhalten (Esc); bereits gemessene Dateien behalten ihre Ergebnisse</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>Diagramm exportieren…</translation>
    </message>
    <message>
        <source>Export Table…</source>
        <translation>Tabelle exportieren…</translation>
    </message>
    <message>
        <source>Choose an evaluation text: the bundled one is not installed.</source>
        <translation>Wählen Sie einen Auswertungstext: Der mitgelieferte ist nicht installiert.</translation>
    </message>
    <message>
        <source>Could not read the evaluation text %1: %2</source>
        <translation>Der Auswertungstext %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The evaluation text %1 is larger than %2.</source>
        <translation>Der Auswertungstext %1 ist größer als %2.</translation>
    </message>
    <message>
        <source>Some stored results could not be read and will be replaced when evaluated again:
%1</source>
        <translation>Einige gespeicherte Ergebnisse konnten nicht gelesen werden und werden bei der nächsten Auswertung ersetzt:
%1</translation>
    </message>
    <message>
        <source>Select a model to compare its quants.</source>
        <translation>Wählen Sie ein Modell, um seine Quantisierungen zu vergleichen.</translation>
    </message>
    <message>
        <source>No quants of this model are listed yet: produce some, or open them. Evaluate measures the source alone.</source>
        <translation>Von diesem Modell sind noch keine Quantisierungen aufgeführt: Erzeugen oder öffnen Sie welche. „Auswerten“ misst nur die Quelle.</translation>
    </message>
    <message numerus="yes">
        <source>Not measured on this text and context yet. Evaluate measures the source and %n quant(s).</source>
        <translation>
            <numerusform>Auf diesem Text und Kontext noch nicht gemessen. „Auswerten“ misst die Quelle und %n Quantisierung.</numerusform>
            <numerusform>Auf diesem Text und Kontext noch nicht gemessen. „Auswerten“ misst die Quelle und %n Quantisierungen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 file(s) measured on %3, context %4.</source>
        <translation>
            <numerusform>%1 von %2 Datei auf %3 gemessen, Kontext %4.</numerusform>
            <numerusform>%1 von %2 Dateien auf %3 gemessen, Kontext %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a model first.</source>
        <translation>Wählen Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>The evaluation text %1 does not exist.</source>
        <translation>Der Auswertungstext %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>Wird ausgewertet…</translation>
    </message>
    <message>
        <source>Evaluated in %1.</source>
        <translation>In %1 ausgewertet.</translation>
    </message>
    <message>
        <source>Evaluation failed.</source>
        <translation>Auswertung fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Evaluation cancelled.</source>
        <translation>Auswertung abgebrochen.</translation>
    </message>
    <message>
        <source>Waiting for the running job to finish…</source>
        <translation>Warten, bis der laufende Auftrag fertig ist…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Results could not be stored beside the file, so they will not be shown next time:
%1</source>
        <translation>Die Ergebnisse konnten nicht neben der Datei gespeichert werden und werden beim nächsten Mal nicht angezeigt:
%1</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>CSV table (*.csv);;JSON (*.json)</source>
        <translation>CSV-Tabelle (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>%1 exportiert.</translation>
    </message>
    <message>
        <source>Same prompt, side by side</source>
        <translation>Gleicher Prompt, nebeneinander</translation>
    </message>
    <message>
        <source>Chunks to evaluate</source>
        <translation>Zu bewertende Abschnitte</translation>
    </message>
    <message>
        <source>Chart metric</source>
        <translation>Diagramm-Maß</translation>
    </message>
    <message>
        <source>Comparison table</source>
        <translation>Vergleichstabelle</translation>
    </message>
    <message>
        <source>Size against perplexity (lower is better)</source>
        <translation>Größe gegen Perplexität (niedriger ist besser)</translation>
    </message>
    <message>
        <source>Size against KL divergence (lower is better)</source>
        <translation>Größe gegen KL-Divergenz (niedriger ist besser)</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>Eigene Mischung</translation>
    </message>
    <message>
        <source>Chart and table</source>
        <translation>Diagramm und Tabelle</translation>
    </message>
    <message>
        <source>Custom mix (predicted)</source>
        <translation>Eigene Mischung (vorhergesagt)</translation>
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
        <translation>Perplexität auf dem Auswertungstext, mit ± (niedriger ist besser)</translation>
    </message>
    <message>
        <source>Perplexity relative to the source</source>
        <translation>Perplexität relativ zur Quelle</translation>
    </message>
    <message>
        <source>Mean KL divergence from the source&apos;s predictions, with its ± (lower is better)</source>
        <translation>Mittlere KL-Divergenz zu den Vorhersagen der Quelle, mit ± (niedriger ist besser)</translation>
    </message>
    <message>
        <source>How often the most likely next token is the same as the source&apos;s</source>
        <translation>Wie oft das wahrscheinlichste nächste Token dem der Quelle entspricht</translation>
    </message>
    <message>
        <source>Prompt processing speed measured during the perplexity run</source>
        <translation>Während der Perplexitätsmessung gemessene Prompt-Verarbeitungsgeschwindigkeit</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>Bits/Gewicht</translation>
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
        <translation>Mittl. KLD ±</translation>
    </message>
    <message>
        <source>Same top</source>
        <translation>Top gleich</translation>
    </message>
    <message numerus="yes">
        <source>%1, context %2, %n chunk(s)</source>
        <translation>
            <numerusform>%1, Kontext %2, %n Abschnitt</numerusform>
            <numerusform>%1, Kontext %2, %n Abschnitte</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (source)</source>
        <translation>%1 (Quelle)</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>%1%2 %</source>
        <translation>%1%2 %</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Generation speed: %1 tokens one at a time after the start of the text</source>
        <translation>Generierungsgeschwindigkeit: %1 Token einzeln nach dem Anfang des Textes</translation>
    </message>
    <message>
        <source>Prompt tok/s</source>
        <translation>Prompt Token/s</translation>
    </message>
    <message>
        <source>Generation tok/s</source>
        <translation>Erzeugung Token/s</translation>
    </message>
    <message>
        <source>Custom mix: predicted mean KLD %1 before it was made</source>
        <translation>Eigene Mischung: vor dem Erzeugen vorhergesagte mittlere KLD %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::DropOverlay</name>
    <message>
        <source>Drop models to open them</source>
        <translation>Modelle hier ablegen, um sie zu öffnen</translation>
    </message>
</context>
<context>
    <name>qf::ui::EmptyStateWidget</name>
    <message>
        <source>Try the sample model</source>
        <translation>Beispielmodell ausprobieren</translation>
    </message>
    <message>
        <source>Drop GGUF models here</source>
        <translation>GGUF-Modelle hier ablegen</translation>
    </message>
    <message>
        <source>Quantforge finds the quantization of a model that fits your machine best, produces it and shows what it costs in quality.</source>
        <translation>Quantforge findet die Quantisierung eines Modells, die am besten zu Ihrem Rechner passt, erzeugt sie und zeigt, was sie an Qualität kostet.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
</context>
<context>
    <name>qf::ui::EvaluateJobRunner</name>
    <message>
        <source>%1 (%2/%3)</source>
        <translation>%1 (%2/%3)</translation>
    </message>
    <message>
        <source>Perplexity of %1</source>
        <translation>Perplexität von %1</translation>
    </message>
    <message>
        <source>Reference outputs of %1</source>
        <translation>Referenzausgaben von %1</translation>
    </message>
    <message>
        <source>KL divergence of %1</source>
        <translation>KL-Divergenz von %1</translation>
    </message>
    <message>
        <source>Generation speed of %1</source>
        <translation>Generierungsgeschwindigkeit von %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::ExportPanel</name>
    <message>
        <source>Save Ollama Modelfile…</source>
        <translation>Ollama-Modelfile speichern…</translation>
    </message>
    <message>
        <source>Create in Ollama…</source>
        <translation>In Ollama anlegen…</translation>
    </message>
    <message>
        <source>Copy to LM Studio…</source>
        <translation>Nach LM Studio kopieren…</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Im Ordner anzeigen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Write an Ollama Modelfile for this file: FROM, the chat template and the stop tokens.</source>
        <translation>Ein Ollama-Modelfile für diese Datei schreiben: FROM, die Chat-Vorlage und die Stopp-Tokens.</translation>
    </message>
    <message>
        <source>Copy this file into LM Studio&apos;s models folder as publisher/model/file.gguf.</source>
        <translation>Diese Datei als publisher/model/file.gguf in den Modellordner von LM Studio kopieren.</translation>
    </message>
    <message>
        <source>Show this file in the file manager.</source>
        <translation>Diese Datei im Dateimanager anzeigen.</translation>
    </message>
    <message>
        <source>Use with</source>
        <translation>Verwenden mit</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Exportstatus</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Exportfortschritt</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <source>Ollama output</source>
        <translation>Ausgabe von Ollama</translation>
    </message>
    <message>
        <source>Export error</source>
        <translation>Exportfehler</translation>
    </message>
    <message>
        <source>Ollama was not found on PATH. Install it from ollama.com to create the model in it directly.</source>
        <translation>Ollama wurde im PATH nicht gefunden. Installieren Sie es von ollama.com, um das Modell direkt darin anzulegen.</translation>
    </message>
    <message>
        <source>Create a model in Ollama from this file (ollama create).</source>
        <translation>Aus dieser Datei ein Modell in Ollama anlegen (ollama create).</translation>
    </message>
    <message>
        <source>Save Ollama Modelfile</source>
        <translation>Ollama-Modelfile speichern</translation>
    </message>
    <message>
        <source>The Modelfile was not saved</source>
        <translation>Das Modelfile wurde nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved the Modelfile as %1. Create the model with: ollama create NAME -f %2</source>
        <translation>Das Modelfile wurde als %1 gespeichert. Legen Sie das Modell an mit: ollama create NAME -f %2</translation>
    </message>
    <message>
        <source>Create in Ollama</source>
        <translation>In Ollama anlegen</translation>
    </message>
    <message>
        <source>Model name in Ollama (letters, digits, &apos;.&apos;, &apos;-&apos;, &apos;_&apos;; an optional :tag):</source>
        <translation>Modellname in Ollama (Buchstaben, Ziffern, &apos;.&apos;, &apos;-&apos;, &apos;_&apos;; optional :tag):</translation>
    </message>
    <message>
        <source>Not a model name Ollama accepts</source>
        <translation>Diesen Modellnamen akzeptiert Ollama nicht</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: use letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;, optionally followed by :tag.</source>
        <translation>„%1“: Verwenden Sie Buchstaben, Ziffern, &apos;.&apos;, &apos;-&apos; und &apos;_&apos;, optional gefolgt von :tag.</translation>
    </message>
    <message>
        <source>Ollama was not found</source>
        <translation>Ollama wurde nicht gefunden</translation>
    </message>
    <message>
        <source>No &quot;ollama&quot; program is on PATH.</source>
        <translation>Im PATH ist kein Programm „ollama“.</translation>
    </message>
    <message>
        <source>The Modelfile was not written</source>
        <translation>Das Modelfile wurde nicht geschrieben</translation>
    </message>
    <message>
        <source>Creating %1 in Ollama…</source>
        <translation>%1 wird in Ollama angelegt…</translation>
    </message>
    <message>
        <source>Cancelled creating %1 in Ollama.</source>
        <translation>Anlegen von %1 in Ollama abgebrochen.</translation>
    </message>
    <message>
        <source>Created %1 in Ollama (exit code 0). Run it with: ollama run %1</source>
        <translation>%1 wurde in Ollama angelegt (exit code 0). Starten Sie es mit: ollama run %1</translation>
    </message>
    <message>
        <source>ollama create did not run or crashed</source>
        <translation>ollama create lief nicht an oder ist abgestürzt</translation>
    </message>
    <message>
        <source>ollama create failed with exit code %1</source>
        <translation>ollama create ist mit exit code %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>LM Studio&apos;s models folder</source>
        <translation>Modellordner von LM Studio</translation>
    </message>
    <message>
        <source>Copy to LM Studio</source>
        <translation>Nach LM Studio kopieren</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>Copied to %1. LM Studio lists it under My Models.</source>
        <translation>Nach %1 kopiert. LM Studio zeigt es unter „My Models“ an.</translation>
    </message>
    <message>
        <source>The copy to LM Studio failed</source>
        <translation>Das Kopieren nach LM Studio ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled the copy to LM Studio; nothing was left behind.</source>
        <translation>Kopieren nach LM Studio abgebrochen; es blieb nichts zurück.</translation>
    </message>
    <message>
        <source>Copying %1 to %2…</source>
        <translation>%1 wird nach %2 kopiert…</translation>
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
        <translation>Unerwarteter Fehler beim Erzeugen: %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::HfCache</name>
    <message>
        <source>Converting %1 to F16 for evaluation…</source>
        <translation>%1 wird für die Bewertung in F16 umgewandelt…</translation>
    </message>
</context>
<context>
    <name>qf::ui::ImatrixChooser</name>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>From file</source>
        <translation>Aus Datei</translation>
    </message>
    <message>
        <source>Compute from text</source>
        <translation>Aus Text berechnen</translation>
    </message>
    <message>
        <source>An importance matrix (from llama-imatrix, or computed here from calibration text) weights each column by how much it matters on real text; it usually improves the smaller presets.</source>
        <translation>Eine Wichtigkeitsmatrix (von llama-imatrix oder hier aus Kalibrierungstext berechnet) gewichtet jede Spalte danach, wie viel sie bei echtem Text ausmacht; sie verbessert meist die kleineren Voreinstellungen.</translation>
    </message>
    <message>
        <source>Importance matrix source</source>
        <translation>Quelle der Wichtigkeitsmatrix</translation>
    </message>
    <message>
        <source>imatrix.dat or imatrix.gguf</source>
        <translation>imatrix.dat oder imatrix.gguf</translation>
    </message>
    <message>
        <source>Importance matrix file</source>
        <translation>Wichtigkeitsmatrix-Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the importance matrix file</source>
        <translation>Wichtigkeitsmatrix-Datei wählen</translation>
    </message>
    <message>
        <source>Calibration text (.txt or .txt.zst)</source>
        <translation>Kalibrierungstext (.txt oder .txt.zst)</translation>
    </message>
    <message>
        <source>Text the model reads to measure which weights matter; the bundled text is public-domain prose. Use text like what the model will see.</source>
        <translation>Text, den das Modell liest, um zu messen, welche Gewichte zählen; der mitgelieferte Text ist gemeinfreie Prosa. Verwenden Sie Text wie den, den das Modell sehen wird.</translation>
    </message>
    <message>
        <source>Calibration text file</source>
        <translation>Kalibrierungstext-Datei</translation>
    </message>
    <message>
        <source>Choose the calibration text</source>
        <translation>Kalibrierungstext wählen</translation>
    </message>
    <message>
        <source>Importance matrix progress</source>
        <translation>Fortschritt der Wichtigkeitsmatrix</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop computing the importance matrix</source>
        <translation>Berechnung der Wichtigkeitsmatrix anhalten</translation>
    </message>
    <message>
        <source>Importance matrix status</source>
        <translation>Status der Wichtigkeitsmatrix</translation>
    </message>
    <message>
        <source>Reading the importance matrix…</source>
        <translation>Die Wichtigkeitsmatrix wird gelesen…</translation>
    </message>
    <message>
        <source>Choose a readable importance matrix file, or set it to None.</source>
        <translation>Wählen Sie eine lesbare Wichtigkeitsmatrix-Datei oder stellen Sie „Keine“ ein.</translation>
    </message>
    <message>
        <source>Computing the importance matrix (see above)…</source>
        <translation>Die Wichtigkeitsmatrix wird berechnet (siehe oben)…</translation>
    </message>
    <message>
        <source>Importance Matrix</source>
        <translation>Wichtigkeitsmatrix</translation>
    </message>
    <message>
        <source>Importance matrices (*.dat *.gguf);;All files (*)</source>
        <translation>Wichtigkeitsmatrizen (*.dat *.gguf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose an importance matrix file.</source>
        <translation>Wählen Sie eine Wichtigkeitsmatrix-Datei.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 Eintrag</translation>
    </message>
    <message>
        <source>%1, %2 chunks</source>
        <translation>%1, %2 Abschnitte</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Calibration Text</source>
        <translation>Kalibrierungstext</translation>
    </message>
    <message>
        <source>Text files (*.txt *.txt.zst *.zst);;All files (*)</source>
        <translation>Textdateien (*.txt *.txt.zst *.zst);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose a calibration text.</source>
        <translation>Wählen Sie einen Kalibrierungstext.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>Computed from %1 once a model is selected.</source>
        <translation>Wird aus %1 berechnet, sobald ein Modell gewählt ist.</translation>
    </message>
    <message>
        <source>Computing from %1…</source>
        <translation>Berechnung aus %1…</translation>
    </message>
    <message>
        <source>Computing from %1: %2</source>
        <translation>Berechnung aus %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n entries over %1 chunks of %2, perplexity %3</source>
        <translation>
            <numerusform>%n Eintrag über %1 Abschnitte von %2, Perplexität %3</numerusform>
            <numerusform>%n Einträge über %1 Abschnitte von %2, Perplexität %3</numerusform>
        </translation>
    </message>
    <message>
        <source> (computed before)</source>
        <translation> (bereits früher berechnet)</translation>
    </message>
    <message>
        <source> (%1 s)</source>
        <translation> (%1 s)</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Berechnen</translation>
    </message>
    <message>
        <source>Compute the importance matrix now (producing also computes it first)</source>
        <translation>Wichtigkeitsmatrix jetzt berechnen (das Erzeugen berechnet sie sonst zuerst)</translation>
    </message>
    <message>
        <source>Choose a calibration text for the importance matrix, or set it to None.</source>
        <translation>Wählen Sie einen Kalibrierungstext für die Wichtigkeitsmatrix, oder stellen Sie „Keine“ ein.</translation>
    </message>
    <message>
        <source>Computed from %1 when you produce, or press Compute.</source>
        <translation>Wird beim Erzeugen aus %1 berechnet, oder klicken Sie auf „Berechnen“.</translation>
    </message>
    <message>
        <source>Stopped. Press Compute to compute again, or set it to None.</source>
        <translation>Angehalten. „Berechnen“ berechnet sie erneut, oder stellen Sie „Keine“ ein.</translation>
    </message>
</context>
<context>
    <name>qf::ui::ImatrixComputeJob</name>
    <message>
        <source>chunk %1 of %2, perplexity %3</source>
        <translation>Abschnitt %1 von %2, Perplexität %3</translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation>%1 wird gelesen</translation>
    </message>
    <message>
        <source>Unexpected error while computing the importance matrix: %1</source>
        <translation>Unerwarteter Fehler beim Berechnen der Wichtigkeitsmatrix: %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::ImatrixLoadJob</name>
    <message>
        <source>Unexpected error while reading %1: %2</source>
        <translation>Unerwarteter Fehler beim Lesen von %1: %2</translation>
    </message>
</context>
<context>
    <name>qf::ui::JobQueueWidget</name>
    <message>
        <source>No jobs yet. Choose presets above and press Start (Ctrl+Enter).</source>
        <translation>Noch keine Aufträge. Wählen Sie oben Voreinstellungen und drücken Sie Starten (Strg+Eingabe).</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>Abgeschlossene entfernen</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 laufend</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 wartend</translation>
    </message>
    <message>
        <source>%1 finished</source>
        <translation>%1 abgeschlossen</translation>
    </message>
</context>
<context>
    <name>qf::ui::JobRowWidget</name>
    <message>
        <source>from %1</source>
        <translation>aus %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Im Ordner anzeigen</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 aus %2</translation>
    </message>
    <message>
        <source>Stop this job (Esc); nothing is left behind</source>
        <translation>Diesen Auftrag anhalten (Esc); es bleibt nichts zurück</translation>
    </message>
    <message>
        <source>Open the folder with the produced files in the file manager</source>
        <translation>Den Ordner mit den erzeugten Dateien im Dateimanager öffnen</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Starts when the job before it has finished.</source>
        <translation>Startet, wenn der vorherige Auftrag abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>Wird geplant…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Done in %1</source>
        <translation>Fertig in %1</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>qf::ui::LoraMergeJob</name>
    <message>
        <source>Unknown preset %1</source>
        <translation>Unbekannte Voreinstellung %1</translation>
    </message>
    <message>
        <source>Unexpected error while merging: %1</source>
        <translation>Unerwarteter Fehler beim Zusammenführen: %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::LoraMergePanel</name>
    <message>
        <source>Apply a LoRA adapter…</source>
        <translation>LoRA-Adapter anwenden…</translation>
    </message>
    <message>
        <source>Dequantize the base to F16 first</source>
        <translation>Basis zuerst nach F16 dequantisieren</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Merge a LoRA adapter (a PEFT folder or a GGUF LoRA) into this model</source>
        <translation>Einen LoRA-Adapter (PEFT-Ordner oder GGUF-LoRA) in dieses Modell einrechnen</translation>
    </message>
    <message>
        <source>PEFT Adapter Folder…</source>
        <translation>PEFT-Adapterordner…</translation>
    </message>
    <message>
        <source>GGUF LoRA File…</source>
        <translation>GGUF-LoRA-Datei…</translation>
    </message>
    <message>
        <source>Apply a LoRA adapter</source>
        <translation>LoRA-Adapter anwenden</translation>
    </message>
    <message>
        <source>The base is quantized: widen it to F16, merge the adapter, then quantize once with the chosen presets</source>
        <translation>Die Basis ist quantisiert: erst nach F16 erweitern, dann den Adapter einrechnen und einmal mit den gewählten Voreinstellungen quantisieren</translation>
    </message>
    <message>
        <source>Merge the adapter into the model</source>
        <translation>Adapter in das Modell einrechnen</translation>
    </message>
    <message>
        <source>Merge progress</source>
        <translation>Fortschritt beim Zusammenführen</translation>
    </message>
    <message>
        <source>Cancel the merge</source>
        <translation>Zusammenführen abbrechen</translation>
    </message>
    <message>
        <source>Merge error</source>
        <translation>Fehler beim Zusammenführen</translation>
    </message>
    <message>
        <source>LoRA adapter</source>
        <translation>LoRA-Adapter</translation>
    </message>
    <message>
        <source>PEFT Adapter Folder (adapter_config.json + adapter_model.safetensors)</source>
        <translation>PEFT-Adapterordner (adapter_config.json + adapter_model.safetensors)</translation>
    </message>
    <message>
        <source>GGUF LoRA Adapter</source>
        <translation>GGUF-LoRA-Adapter</translation>
    </message>
    <message>
        <source>GGUF files (*.gguf);;All files (*)</source>
        <translation>GGUF-Dateien (*.gguf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>Keiner gewählt</translation>
    </message>
    <message>
        <source>Into the chosen presets</source>
        <translation>In die gewählten Voreinstellungen</translation>
    </message>
    <message>
        <source>The adapter could not be merged</source>
        <translation>Der Adapter konnte nicht eingerechnet werden</translation>
    </message>
    <message>
        <source>Choose a LoRA adapter first: a PEFT folder or a GGUF LoRA file.</source>
        <translation>Zuerst einen LoRA-Adapter wählen: einen PEFT-Ordner oder eine GGUF-LoRA-Datei.</translation>
    </message>
    <message>
        <source>%1 exists already.</source>
        <translation>%1 existiert bereits.</translation>
    </message>
    <message>
        <source>Replace and Merge</source>
        <translation>Ersetzen und zusammenführen</translation>
    </message>
    <message>
        <source>Waiting for the running job…</source>
        <translation>Wartet auf den laufenden Auftrag…</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Wird zusammengeführt…</translation>
    </message>
    <message>
        <source>Merging: %1</source>
        <translation>Zusammenführen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n weight(s) merged into %1</source>
        <translation>
            <numerusform>%n Gewicht in %1 eingerechnet</numerusform>
            <numerusform>%n Gewichte in %1 eingerechnet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n quantized tensor(s) widened to F16)</source>
        <translation>
            <numerusform>(%n quantisierter Tensor nach F16 erweitert)</numerusform>
            <numerusform>(%n quantisierte Tensoren nach F16 erweitert)</numerusform>
        </translation>
    </message>
    <message>
        <source>Dequantize and Merge</source>
        <translation>Dequantisieren und zusammenführen</translation>
    </message>
    <message>
        <source>Merge cancelled.</source>
        <translation>Zusammenführen abgebrochen.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Choose presets in the table above to quantize the merged model straight into them</source>
        <translation>Voreinstellungen in der Tabelle oben wählen, um das zusammengeführte Modell direkt in sie zu quantisieren</translation>
    </message>
    <message>
        <source>Quantize the merged weights straight into %1, in one pass; otherwise the merged model keeps the base&apos;s float types</source>
        <translation>Die zusammengeführten Gewichte in einem Durchgang direkt in %1 quantisieren; sonst behält das Modell die Gleitkommatypen der Basis</translation>
    </message>
    <message>
        <source>The Adapter&apos;s Base Model Folder (config.json)</source>
        <translation>Ordner des Basismodells des Adapters (config.json)</translation>
    </message>
    <message>
        <source>Choose the Base Folder…</source>
        <translation>Basisordner wählen…</translation>
    </message>
</context>
<context>
    <name>qf::ui::MachineCardWidget</name>
    <message>
        <source>Machine</source>
        <translation>Rechner</translation>
    </message>
    <message>
        <source>Unified memory (the GPU shares the RAM)</source>
        <translation>Gemeinsamer Speicher (die GPU nutzt den RAM mit)</translation>
    </message>
    <message>
        <source>Detecting this machine…</source>
        <translation>Dieser Rechner wird erkannt…</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>Dieser Rechner</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>No GPU</source>
        <translation>Keine GPU</translation>
    </message>
    <message>
        <source>Memory of the GPUs used; for unified memory the GPU&apos;s working-set limit</source>
        <translation>Speicher der verwendeten GPUs; bei gemeinsamem Speicher das Working-Set-Limit der GPU</translation>
    </message>
    <message>
        <source>RAM kept for the operating system and other programs</source>
        <translation>RAM, der für das Betriebssystem und andere Programme frei bleibt</translation>
    </message>
    <message>
        <source>Plan for:</source>
        <translation>Planen für:</translation>
    </message>
    <message>
        <source>RAM:</source>
        <translation>RAM:</translation>
    </message>
    <message>
        <source>GPU memory:</source>
        <translation>GPU-Speicher:</translation>
    </message>
    <message>
        <source>Kept for the OS:</source>
        <translation>Für das BS reserviert:</translation>
    </message>
    <message>
        <source>CPU: %1, %2 threads%3</source>
        <translation>CPU: %1, %2 Threads%3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>RAM: %1 (%2 available)</source>
        <translation>RAM: %1 (%2 verfügbar)</translation>
    </message>
    <message>
        <source>memory not reported</source>
        <translation>Speicher nicht gemeldet</translation>
    </message>
    <message>
        <source>shares RAM, up to %1</source>
        <translation>nutzt RAM mit, bis zu %1</translation>
    </message>
    <message>
        <source>%1 VRAM</source>
        <translation>%1 VRAM</translation>
    </message>
    <message>
        <source> (estimate)</source>
        <translation> (Schätzung)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>GPU: none found</source>
        <translation>GPU: keine gefunden</translation>
    </message>
    <message>
        <source>GPU: %1</source>
        <translation>GPU: %1</translation>
    </message>
    <message>
        <source>Detected: %1 · %2 · %3</source>
        <translation>Erkannt: %1 · %2 · %3</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Custom machine</source>
        <translation>Benutzerdefinierter Rechner</translation>
    </message>
    <message>
        <source>Sizes in GB of 10⁹ bytes: a card sold as 8 GB has 8.6 GB.</source>
        <translation>Größen in GB zu 10⁹ Bytes: Eine als 8 GB verkaufte Karte hat 8,6 GB.</translation>
    </message>
    <message>
        <source>%1 of GPU memory is kept for the driver and desktop (estimate).</source>
        <translation>%1 GPU-Speicher bleibt für Treiber und Desktop reserviert (Schätzung).</translation>
    </message>
    <message>
        <source>The GPU&apos;s working-set limit is Metal&apos;s default for this much RAM (estimate; sysctl iogpu.wired_limit_mb changes it).</source>
        <translation>Das Working-Set-Limit der GPU ist Metals Standardwert für so viel RAM (Schätzung; sysctl iogpu.wired_limit_mb ändert es).</translation>
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
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open one or more GGUF models</source>
        <translation>Ein oder mehrere GGUF-Modelle öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Sample Model</source>
        <translation>&amp;Beispielmodell öffnen</translation>
    </message>
    <message>
        <source>&amp;Remove from List</source>
        <translation>Aus der Liste &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About Quantforge</source>
        <translation>Ü&amp;ber Quantforge</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>A job is still running. Cancel it and close Quantforge?</source>
        <translation>Ein Auftrag läuft noch. Abbrechen und Quantforge schließen?</translation>
    </message>
    <message numerus="yes">
        <source>%n jobs are still running or waiting. Cancel them and close Quantforge?</source>
        <translation>
            <numerusform>%n Auftrag läuft noch oder wartet. Abbrechen und Quantforge schließen?</numerusform>
            <numerusform>%n Aufträge laufen noch oder warten. Abbrechen und Quantforge schließen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel Running Jobs?</source>
        <translation>Laufende Aufträge abbrechen?</translation>
    </message>
    <message>
        <source>Files of cancelled jobs are not written; finished files are kept.</source>
        <translation>Dateien abgebrochener Aufträge werden nicht geschrieben; fertige Dateien bleiben erhalten.</translation>
    </message>
    <message>
        <source>Cancel Jobs and Close</source>
        <translation>Aufträge abbrechen und schließen</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Reading 1 model…</source>
        <translation>1 Modell wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n models…</source>
        <translation>
            <numerusform>%n Modell wird gelesen…</numerusform>
            <numerusform>%n Modelle werden gelesen…</numerusform>
        </translation>
    </message>
    <message>
        <source>The sample model is not installed (looked in %1).</source>
        <translation>Das Beispielmodell ist nicht installiert (gesucht in %1).</translation>
    </message>
    <message>
        <source>Opened %1 (%2) in %3 ms</source>
        <translation>%1 (%2) in %3 ms geöffnet</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Produced %1</source>
        <translation>%1 erzeugt</translation>
    </message>
    <message numerus="yes">
        <source>Produced %n files</source>
        <translation>
            <numerusform>%n Datei erzeugt</numerusform>
            <numerusform>%n Dateien erzeugt</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Models</source>
        <translation>Modelle öffnen</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF-Modelle (*.gguf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
    <message>
        <source>%1 — Quantforge</source>
        <translation>%1 — Quantforge</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>The opened models and the files made from them</source>
        <translation>Die geöffneten Modelle und die daraus erzeugten Dateien</translation>
    </message>
    <message>
        <source>Open models</source>
        <translation>Modelle öffnen</translation>
    </message>
    <message>
        <source>Remove the selected model from the list</source>
        <translation>Das ausgewählte Modell aus der Liste entfernen</translation>
    </message>
    <message>
        <source>Show the %1 page</source>
        <translation>Seite „%1“ anzeigen</translation>
    </message>
    <message>
        <source>Start producing (Produce page)</source>
        <translation>Erzeugen starten (Seite „Erzeugen“)</translation>
    </message>
    <message>
        <source>Cancel the focused job</source>
        <translation>Den fokussierten Auftrag abbrechen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>%1 is a LoRA adapter: open the model to merge it into first, then add the adapter again</source>
        <translation>%1 ist ein LoRA-Adapter: zuerst das Modell öffnen, in das er eingerechnet werden soll, dann den Adapter erneut hinzufügen</translation>
    </message>
    <message>
        <source>LoRA adapter %1 chosen: Merge puts it into %2</source>
        <translation>LoRA-Adapter %1 gewählt: „Zusammenführen“ rechnet ihn in %2 ein</translation>
    </message>
</context>
<context>
    <name>qf::ui::MixPredictJob</name>
    <message>
        <source>A custom mix is made from a GGUF file; convert this folder first.</source>
        <translation>Eine eigene Mischung entsteht aus einer GGUF-Datei; wandeln Sie diesen Ordner zuerst um.</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelCardWidget</name>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>Attention-Heads</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>Einbettung</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Vokabular</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>Dateityp</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation>Bits pro Gewicht</translation>
    </message>
    <message>
        <source>Bytes by tensor type</source>
        <translation>Bytes nach Tensortyp</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n shards)</source>
        <translation>
            <numerusform>%1 (%n Teil)</numerusform>
            <numerusform>%1 (%n Teile)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · GGUF v%2</source>
        <translation>%1 · GGUF v%2</translation>
    </message>
    <message>
        <source>%1 (%2 KV)</source>
        <translation>%1 (%2 KV)</translation>
    </message>
    <message>
        <source>%1, %2 experts</source>
        <translation>%1, %2 Experten</translation>
    </message>
    <message>
        <source>%1 (feed-forward %2)</source>
        <translation>%1 (Feed-Forward %2)</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Token</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 bytes in the file, %2 bytes of tensor data</source>
        <translation>%1 Bytes in der Datei, %2 Bytes Tensordaten</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>&lt; %1 %</source>
        <translation>&lt; %1 %</translation>
    </message>
    <message>
        <source>&gt; %1 %</source>
        <translation>&gt; %1 %</translation>
    </message>
    <message>
        <source>1 tensor</source>
        <translation>1 Tensor</translation>
    </message>
    <message numerus="yes">
        <source>%n tensors</source>
        <translation>
            <numerusform>%n Tensor</numerusform>
            <numerusform>%n Tensoren</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · Hugging Face folder, read as F16</source>
        <translation>%1 · Hugging-Face-Ordner, als F16 gelesen</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelCopyJob</name>
    <message>
        <source>Unexpected error while copying: %1</source>
        <translation>Unerwarteter Fehler beim Kopieren: %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelListModel</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>Eigene Mischung</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelLoadJob</name>
    <message>
        <source>Unexpected error while reading %1: %2</source>
        <translation>Unerwarteter Fehler beim Lesen von %1: %2</translation>
    </message>
</context>
<context>
    <name>qf::ui::OverviewPage</name>
    <message>
        <source>Filter tensors by name, e.g. attn_k or blk.0.</source>
        <translation>Tensoren nach Namen filtern, z. B. attn_k oder blk.0.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>1 tensor</source>
        <translation>1 Tensor</translation>
    </message>
    <message numerus="yes">
        <source>%n tensors</source>
        <translation>
            <numerusform>%n Tensor</numerusform>
            <numerusform>%n Tensoren</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of 1 tensor</source>
        <translation>%1 von 1 Tensor</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n tensors</source>
        <translation>
            <numerusform>%1 von %n Tensor</numerusform>
            <numerusform>%1 von %n Tensoren</numerusform>
        </translation>
    </message>
    <message>
        <source>A Hugging Face folder is not a GGUF file: produce a quant from it on the Produce page, then export the quant.</source>
        <translation>Ein Hugging-Face-Ordner ist keine GGUF-Datei: Erzeugen Sie auf der Seite „Erzeugen“ ein Quant daraus und exportieren Sie dann das Quant.</translation>
    </message>
    <message>
        <source>Tensor filter</source>
        <translation>Tensorfilter</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>Tensoren</translation>
    </message>
</context>
<context>
    <name>qf::ui::PresetPlanJob</name>
    <message>
        <source>%1 stores the experts of a mixture-of-experts model as MXFP4; this model has none, so every tensor is Q8_0, as with the Q8_0 preset.</source>
        <translation>%1 speichert die Experten eines Mixture-of-Experts-Modells als MXFP4; dieses Modell hat keine, daher ist jeder Tensor Q8_0 wie bei der Voreinstellung Q8_0.</translation>
    </message>
    <message numerus="yes">
        <source>%n of the importance matrix&apos;s entries name no tensor of this model (e.g. %1); they are not used. Was it made for another model?</source>
        <translation>
            <numerusform>%n Eintrag der Wichtigkeitsmatrix nennt keinen Tensor dieses Modells (z. B. %1); er wird nicht verwendet. Wurde sie für ein anderes Modell erstellt?</numerusform>
            <numerusform>%n Einträge der Wichtigkeitsmatrix nennen keinen Tensor dieses Modells (z. B. %1); sie werden nicht verwendet. Wurde sie für ein anderes Modell erstellt?</numerusform>
        </translation>
    </message>
    <message>
        <source>No entry of the importance matrix names a tensor of this model: quantizing without it.</source>
        <translation>Kein Eintrag der Wichtigkeitsmatrix nennt einen Tensor dieses Modells: Es wird ohne sie quantisiert.</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) have rows that do not fit the wanted type&apos;s blocks and use a fallback type.</source>
        <translation>
            <numerusform>%n Tensor hat Zeilen, die nicht in die Blöcke des gewünschten Typs passen, und verwendet einen Ersatztyp.</numerusform>
            <numerusform>%n Tensoren haben Zeilen, die nicht in die Blöcke des gewünschten Typs passen, und verwenden einen Ersatztyp.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The importance matrix has no entry for %n quantized tensor(s), e.g. %1; they are quantized without it.</source>
        <translation>
            <numerusform>Die Wichtigkeitsmatrix hat keinen Eintrag für %n quantisierten Tensor, z. B. %1; er wird ohne sie quantisiert.</numerusform>
            <numerusform>Die Wichtigkeitsmatrix hat keinen Eintrag für %n quantisierte Tensoren, z. B. %1; sie werden ohne sie quantisiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qf::ui::PresetTableModel</name>
    <message>
        <source>The model already is %1: this would only copy it.</source>
        <translation>Das Modell ist bereits %1: Es würde nur kopiert.</translation>
    </message>
    <message>
        <source>Cannot be made from this model: %1</source>
        <translation>Kann aus diesem Modell nicht erzeugt werden: %1</translation>
    </message>
    <message>
        <source>%1 bytes, exactly</source>
        <translation>genau %1 Bytes</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>Bits/Gewicht</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Same file as %1 on this model: its rows do not fit this preset&apos;s blocks (%2).</source>
        <translation>Bei diesem Modell dieselbe Datei wie %1: Seine Zeilen passen nicht in die Blöcke dieser Voreinstellung (%2).</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) use a fallback type: %1.</source>
        <translation>
            <numerusform>%n Tensor verwendet einen Ersatztyp: %1.</numerusform>
            <numerusform>%n Tensoren verwenden einen Ersatztyp: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Needs an importance matrix: check it to compute one from text, or choose one below.</source>
        <translation>Braucht eine Wichtigkeitsmatrix: Anhaken, um eine aus Text zu berechnen, oder unten eine auswählen.</translation>
    </message>
    <message>
        <source>Same file as %1 on this model: every tensor gets the same type.</source>
        <translation>Bei diesem Modell dieselbe Datei wie %1: Jeder Tensor erhält denselben Typ.</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>etwa %1</translation>
    </message>
    <message>
        <source>%1 bytes, and the importance matrix&apos;s name, its text&apos;s name and two counts in the metadata (a few hundred bytes more)</source>
        <translation>%1 Bytes, dazu in den Metadaten der Name der Wichtigkeitsmatrix, der Name ihres Textes und zwei Zählwerte (einige hundert Bytes mehr)</translation>
    </message>
</context>
<context>
    <name>qf::ui::PresetText</name>
    <message>
        <source>32-bit floats: exact, four times the size of 8-bit</source>
        <translation>32-Bit-Gleitkomma: exakt, viermal so groß wie 8 Bit</translation>
    </message>
    <message>
        <source>16-bit floats: the usual unquantized model</source>
        <translation>16-Bit-Gleitkomma: das übliche unquantisierte Modell</translation>
    </message>
    <message>
        <source>bfloat16: the range of F32 at half its size, unquantized</source>
        <translation>bfloat16: der Wertebereich von F32 bei halber Größe, unquantisiert</translation>
    </message>
    <message>
        <source>8-bit: nearly indistinguishable from F16, half its size</source>
        <translation>8 Bit: kaum von F16 zu unterscheiden, halb so groß</translation>
    </message>
    <message>
        <source>6-bit K-quant: very close to F16</source>
        <translation>6-Bit-K-Quant: sehr nah an F16</translation>
    </message>
    <message>
        <source>5-bit K-quant, with 6-bit for half of attn_v and ffn_down: high quality</source>
        <translation>5-Bit-K-Quant, 6 Bit für die Hälfte von attn_v und ffn_down: hohe Qualität</translation>
    </message>
    <message>
        <source>5-bit K-quant throughout: high quality, a little smaller</source>
        <translation>Durchgehend 5-Bit-K-Quant: hohe Qualität, etwas kleiner</translation>
    </message>
    <message>
        <source>legacy 5-bit with offsets: superseded by Q5_K_M</source>
        <translation>Altes 5-Bit-Format mit Offsets: abgelöst durch Q5_K_M</translation>
    </message>
    <message>
        <source>legacy 5-bit: superseded by Q5_K_S</source>
        <translation>Altes 5-Bit-Format: abgelöst durch Q5_K_S</translation>
    </message>
    <message>
        <source>4-bit K-quant, with 6-bit for half of attn_v and ffn_down: the usual balance of size and quality</source>
        <translation>4-Bit-K-Quant, 6 Bit für die Hälfte von attn_v und ffn_down: das übliche Gleichgewicht aus Größe und Qualität</translation>
    </message>
    <message>
        <source>4-bit K-quant, a few 5-bit tensors: smaller, a bit worse</source>
        <translation>4-Bit-K-Quant, einige 5-Bit-Tensoren: kleiner, etwas schlechter</translation>
    </message>
    <message>
        <source>legacy 4-bit with offsets: superseded by Q4_K_M</source>
        <translation>Altes 4-Bit-Format mit Offsets: abgelöst durch Q4_K_M</translation>
    </message>
    <message>
        <source>4-bit non-linear, blocks of 32: Q4_0&apos;s size with better quality</source>
        <translation>4 Bit nichtlinear, Blöcke zu 32: Größe von Q4_0 mit besserer Qualität</translation>
    </message>
    <message>
        <source>legacy 4-bit: fast on many back ends, lower quality</source>
        <translation>Altes 4-Bit-Format: auf vielen Backends schnell, geringere Qualität</translation>
    </message>
    <message>
        <source>4.25-bit non-linear: close to Q4_K_S quality, smaller</source>
        <translation>4,25 Bit nichtlinear: nahe an der Qualität von Q4_K_S, kleiner</translation>
    </message>
    <message>
        <source>3-bit K-quant, 5-bit attn_v, attn_output and ffn_down: the best 3-bit</source>
        <translation>3-Bit-K-Quant, 5 Bit für attn_v, attn_output und ffn_down: das beste 3-Bit-Format</translation>
    </message>
    <message>
        <source>3-bit K-quant, 4/5-bit for sensitive tensors</source>
        <translation>3-Bit-K-Quant, 4/5 Bit für empfindliche Tensoren</translation>
    </message>
    <message>
        <source>3-bit K-quant throughout: small, noticeable loss</source>
        <translation>Durchgehend 3-Bit-K-Quant: klein, merklicher Verlust</translation>
    </message>
    <message>
        <source>mixture-of-experts only: experts in MXFP4 (4-bit floats, as gpt-oss ships), the rest 8-bit</source>
        <translation>nur Mixture-of-Experts: Experten in MXFP4 (4-Bit-Gleitkomma, wie gpt-oss ausgeliefert wird), der Rest 8 Bit</translation>
    </message>
    <message>
        <source>3.4-bit codebook quant, 4-bit attention: about Q3_K_M quality, smaller; best with an imatrix</source>
        <translation>3,4-Bit-Codebook-Quant, 4-Bit-Attention: etwa Q3_K_M-Qualität, kleiner; am besten mit Wichtigkeitsmatrix</translation>
    </message>
    <message>
        <source>3.4-bit codebook quant: better than Q3_K_S at its size; best with an imatrix</source>
        <translation>3,4-Bit-Codebook-Quant: bei gleicher Größe besser als Q3_K_S; am besten mit Wichtigkeitsmatrix</translation>
    </message>
    <message>
        <source>3.3-bit codebook mix: needs an imatrix; a little smaller than IQ3_S</source>
        <translation>3,3-Bit-Codebook-Mischung: braucht eine Wichtigkeitsmatrix; etwas kleiner als IQ3_S</translation>
    </message>
    <message>
        <source>3.06-bit codebook quant: needs an imatrix; near Q3_K_S quality at Q2_K&apos;s size</source>
        <translation>3,06-Bit-Codebook-Quant: braucht eine Wichtigkeitsmatrix; nahe Q3_K_S-Qualität bei Q2_K-Größe</translation>
    </message>
    <message>
        <source>2-bit K-quant with 3-bit for sensitive tensors: smallest K-quant, large loss</source>
        <translation>2-Bit-K-Quant, 3 Bit für empfindliche Tensoren: kleinster K-Quant, großer Verlust</translation>
    </message>
    <message>
        <source>2-bit K-quant, fewer 3/4-bit tensors: needs an imatrix; IQ2_M is better at its size</source>
        <translation>2-Bit-K-Quant, weniger 3/4-Bit-Tensoren: braucht eine Wichtigkeitsmatrix; IQ2_M ist bei gleicher Größe besser</translation>
    </message>
    <message>
        <source>2.7-bit codebook mix: needs an imatrix; the usable floor for big models on small machines</source>
        <translation>2,7-Bit-Codebook-Mischung: braucht eine Wichtigkeitsmatrix; die brauchbare Untergrenze für große Modelle auf kleinen Rechnern</translation>
    </message>
    <message>
        <source>2.5-bit codebook mix: needs an imatrix; clearly worse than IQ2_M</source>
        <translation>2,5-Bit-Codebook-Mischung: braucht eine Wichtigkeitsmatrix; deutlich schlechter als IQ2_M</translation>
    </message>
    <message>
        <source>2.3-bit codebook quant: needs an imatrix; large loss</source>
        <translation>2,3-Bit-Codebook-Quant: braucht eine Wichtigkeitsmatrix; großer Verlust</translation>
    </message>
    <message>
        <source>2.06-bit codebook quant: needs an imatrix; large loss, only for very large models</source>
        <translation>2,06-Bit-Codebook-Quant: braucht eine Wichtigkeitsmatrix; großer Verlust, nur für sehr große Modelle</translation>
    </message>
    <message>
        <source>1.75-bit: needs an imatrix; severe loss, a last resort for huge models</source>
        <translation>1,75 Bit: braucht eine Wichtigkeitsmatrix; schwerer Verlust, letzter Ausweg für riesige Modelle</translation>
    </message>
    <message>
        <source>1.56-bit: needs an imatrix; severe loss, mostly an experiment</source>
        <translation>1,56 Bit: braucht eine Wichtigkeitsmatrix; schwerer Verlust, meist ein Experiment</translation>
    </message>
    <message>
        <source>2-bit levels -1..2 per 64 values: only for models trained for it; unusable on ordinary models</source>
        <translation>2-Bit-Stufen -1..2 je 64 Werte: nur für darauf trainierte Modelle; bei gewöhnlichen Modellen unbrauchbar</translation>
    </message>
    <message>
        <source>ternary, 2 bits per weight: only for ternary-trained models (BitNet b1.58, TriLM)</source>
        <translation>ternär, 2 Bit pro Gewicht: nur für ternär trainierte Modelle (BitNet b1.58, TriLM)</translation>
    </message>
    <message>
        <source>ternary, 1.69 bits per weight: only for ternary-trained models (BitNet b1.58, TriLM)</source>
        <translation>ternär, 1,69 Bit pro Gewicht: nur für ternär trainierte Modelle (BitNet b1.58, TriLM)</translation>
    </message>
    <message>
        <source>1-bit signs per 128 values: only for models trained for it; unusable on ordinary models</source>
        <translation>1-Bit-Vorzeichen je 128 Werte: nur für darauf trainierte Modelle; bei gewöhnlichen Modellen unbrauchbar</translation>
    </message>
</context>
<context>
    <name>qf::ui::ProducePage</name>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Produce the chosen presets in one pass over the model (Ctrl+Enter)</source>
        <translation>Die gewählten Voreinstellungen in einem Durchlauf über das Modell erzeugen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Beside Model</source>
        <translation>Neben dem Modell</translation>
    </message>
    <message>
        <source>Write new files into the folder of the model they are made from</source>
        <translation>Neue Dateien in den Ordner des Modells schreiben, aus dem sie erzeugt werden</translation>
    </message>
    <message>
        <source>of %1 on this machine</source>
        <translation>von %1 auf diesem Rechner</translation>
    </message>
    <message>
        <source>&amp;Importance matrix:</source>
        <translation>&amp;Wichtigkeitsmatrix:</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>&amp;Ausgabeordner:</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <source>Produce</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>Beside the model</source>
        <translation>Neben dem Modell</translation>
    </message>
    <message>
        <source>Output Folder for New Quants</source>
        <translation>Ausgabeordner für neue Quantisierungen</translation>
    </message>
    <message>
        <source>%1 is already quantized</source>
        <translation>%1 ist bereits quantisiert</translation>
    </message>
    <message>
        <source>Quantizing a quantized model again loses quality, so no preset is offered for it. Open the F16, BF16 or F32 original of this model and produce from that.

%1</source>
        <translation>Ein bereits quantisiertes Modell erneut zu quantisieren kostet Qualität, daher wird keine Voreinstellung angeboten. Öffnen Sie das F16-, BF16- oder F32-Original dieses Modells und erzeugen Sie daraus.

%1</translation>
    </message>
    <message>
        <source>No preset can be made from this model</source>
        <translation>Aus diesem Modell kann keine Voreinstellung erzeugt werden</translation>
    </message>
    <message>
        <source>Select a model in the list first.</source>
        <translation>Wählen Sie zuerst ein Modell in der Liste.</translation>
    </message>
    <message>
        <source>Working out the sizes…</source>
        <translation>Größen werden berechnet…</translation>
    </message>
    <message>
        <source>Nothing can be produced from this model (see above).</source>
        <translation>Aus diesem Modell kann nichts erzeugt werden (siehe oben).</translation>
    </message>
    <message>
        <source>Choose one or more presets above.</source>
        <translation>Wählen Sie oben eine oder mehrere Voreinstellungen.</translation>
    </message>
    <message>
        <source>%1 is already being produced by a job in the queue.</source>
        <translation>%1 wird bereits von einem Auftrag in der Warteschlange erzeugt.</translation>
    </message>
    <message>
        <source>The output folder %1 does not exist.</source>
        <translation>Der Ausgabeordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 Datei</translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 in total, into %3</source>
        <translation>%1, insgesamt %2, nach %3</translation>
    </message>
    <message>
        <source>%1 already exists in %2. Replace it?</source>
        <translation>%1 existiert bereits in %2. Ersetzen?</translation>
    </message>
    <message>
        <source>These files already exist in %1:

%2

Replace them?</source>
        <translation>Diese Dateien existieren bereits in %1:

%2

Ersetzen?</translation>
    </message>
    <message>
        <source>Replace Existing Files?</source>
        <translation>Vorhandene Dateien ersetzen?</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Voreinstellungen</translation>
    </message>
    <message>
        <source>Start producing the chosen presets</source>
        <translation>Erzeugen der gewählten Voreinstellungen starten</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Ausgabeordner wählen</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Producing starts when the importance matrix is computed.</source>
        <translation>Das Erzeugen beginnt, sobald die Wichtigkeitsmatrix berechnet ist.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message numerus="yes">
        <source>The other %n file(s) are new.</source>
        <translation>
            <numerusform>%n weitere Datei ist neu.</numerusform>
            <numerusform>%n weitere Dateien sind neu.</numerusform>
        </translation>
    </message>
    <message>
        <source>Skip Existing</source>
        <translation>Vorhandene überspringen</translation>
    </message>
    <message>
        <source>Nothing produced: the existing files were kept.</source>
        <translation>Nichts erzeugt: Die vorhandenen Dateien bleiben erhalten.</translation>
    </message>
    <message>
        <source>%1 needs an importance matrix: choose one, or compute one from text.</source>
        <translation>%1 braucht eine Wichtigkeitsmatrix: Wählen Sie eine aus oder berechnen Sie eine aus Text.</translation>
    </message>
    <message>
        <source>Measures how sensitive each tensor is (cached), chooses a type per tensor within the budget, and writes the file</source>
        <translation>Misst, wie empfindlich jeder Tensor ist (zwischengespeichert), wählt je Tensor einen Typ innerhalb des Budgets und schreibt die Datei</translation>
    </message>
    <message>
        <source>Custom mix within %1 (from Recommend)</source>
        <translation>Eigene Mischung innerhalb von %1 (aus Empfehlen)</translation>
    </message>
    <message>
        <source>Custom mix (%1)</source>
        <translation>Eigene Mischung (%1)</translation>
    </message>
    <message>
        <source>Split into parts of at most</source>
        <translation>In Teile aufteilen, höchstens</translation>
    </message>
    <message>
        <source>Writes each file as name-00001-of-0000N.gguf parts, as llama.cpp&apos;s gguf-split does; llama.cpp and Quantforge open the first part as the whole model</source>
        <translation>Schreibt jede Datei in Teilen name-00001-of-0000N.gguf, wie llama.cpps gguf-split; llama.cpp und Quantforge öffnen den ersten Teil als ganzes Modell</translation>
    </message>
    <message>
        <source>Largest part in GB</source>
        <translation>Größter Teil in GB</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Large files:</source>
        <translation>Große Dateien:</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>etwa %1</translation>
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
        <translation>Unerwarteter Fehler beim Quantisieren: %1</translation>
    </message>
    <message>
        <source>Custom mix: %1</source>
        <translation>Eigene Mischung: %1</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>Eigene Mischung</translation>
    </message>
    <message>
        <source>Measuring sensitivity: %1</source>
        <translation>Empfindlichkeit wird gemessen: %1</translation>
    </message>
    <message>
        <source>Checking the source (sha256 for the reproducibility record)</source>
        <translation>Quelle wird geprüft (sha256 für den Reproduzierbarkeitsnachweis)</translation>
    </message>
    <message>
        <source>The files were written, but not the reproducibility record: %1</source>
        <translation>Die Dateien wurden geschrieben, der Reproduzierbarkeitsnachweis aber nicht: %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::RecommendPage</name>
    <message>
        <source>Produce Selected</source>
        <translation>Auswahl erzeugen</translation>
    </message>
    <message>
        <source>Open the Produce page with the checked presets</source>
        <translation>Die Seite „Erzeugen“ mit den angehakten Voreinstellungen öffnen</translation>
    </message>
    <message>
        <source>F16 (default)</source>
        <translation>F16 (Standard)</translation>
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
        <translation>--cache-type-k/-v von llama.cpp: Ein quantisierter KV-Cache braucht weniger Speicher</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Kontext:</translation>
    </message>
    <message>
        <source>KV cache:</source>
        <translation>KV-Cache:</translation>
    </message>
    <message>
        <source>Recommend</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>Planning every preset for %1…</source>
        <translation>Alle Voreinstellungen für %1 werden geplant…</translation>
    </message>
    <message>
        <source>Cannot recommend for this model: %1</source>
        <translation>Für dieses Modell ist keine Empfehlung möglich: %1</translation>
    </message>
    <message>
        <source>Detecting this machine…</source>
        <translation>Dieser Rechner wird erkannt…</translation>
    </message>
    <message>
        <source>Open a model to see which preset suits this machine.</source>
        <translation>Öffnen Sie ein Modell, um zu sehen, welche Voreinstellung zu diesem Rechner passt.</translation>
    </message>
    <message>
        <source>Recommended: %1</source>
        <translation>Empfohlen: %1</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Token</translation>
    </message>
    <message>
        <source>Produce %1 Selected</source>
        <translation>%1 ausgewählte erzeugen</translation>
    </message>
    <message>
        <source>Presets for this machine</source>
        <translation>Voreinstellungen für diesen Rechner</translation>
    </message>
    <message>
        <source>Nothing fits</source>
        <translation>Nichts passt</translation>
    </message>
    <message>
        <source>No preset can be made from this file</source>
        <translation>Aus dieser Datei lässt sich keine Voreinstellung erzeugen</translation>
    </message>
    <message>
        <source>%1, fully on the GPU</source>
        <translation>%1, vollständig auf der GPU</translation>
    </message>
    <message>
        <source>%1, %2 of %3 layers on the GPU</source>
        <translation>%1, %2 von %3 Schichten auf der GPU</translation>
    </message>
    <message>
        <source>%1, on the CPU</source>
        <translation>%1, auf der CPU</translation>
    </message>
    <message>
        <source>Expected quality: %1.</source>
        <translation>Erwartete Qualität: %1.</translation>
    </message>
    <message>
        <source>Fit This Machine</source>
        <translation>An diesen Rechner anpassen</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>The custom mix&apos;s whole file size; by default what fits this machine at this context</source>
        <translation>Die gesamte Dateigröße der eigenen Mischung; standardmäßig, was bei diesem Kontext auf diesen Rechner passt</translation>
    </message>
    <message>
        <source>Make the budget what fits this machine at this context again</source>
        <translation>Das Budget wieder auf das setzen, was bei diesem Kontext auf diesen Rechner passt</translation>
    </message>
    <message>
        <source>Custom mix budget:</source>
        <translation>Budget der eigenen Mischung:</translation>
    </message>
    <message>
        <source>Measure Sensitivity</source>
        <translation>Empfindlichkeit messen</translation>
    </message>
    <message>
        <source>Stop Measuring</source>
        <translation>Messung anhalten</translation>
    </message>
    <message>
        <source>Made from GGUF files only</source>
        <translation>Nur aus GGUF-Dateien</translation>
    </message>
    <message>
        <source>Measuring sensitivity…</source>
        <translation>Empfindlichkeit wird gemessen…</translation>
    </message>
    <message>
        <source>Measuring sensitivity… %1 %</source>
        <translation>Empfindlichkeit wird gemessen… %1 %</translation>
    </message>
    <message>
        <source>Not measured yet: Measure Sensitivity predicts its quality</source>
        <translation>Noch nicht gemessen: Empfindlichkeit messen sagt die Qualität voraus</translation>
    </message>
    <message>
        <source>Measuring stopped: Measure Sensitivity starts again</source>
        <translation>Messung angehalten: Empfindlichkeit messen beginnt von vorn</translation>
    </message>
    <message>
        <source>Predicting…</source>
        <translation>Wird vorhergesagt…</translation>
    </message>
    <message>
        <source>Not measured yet</source>
        <translation>Noch nicht gemessen</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>qf::ui::RecommendPhrase</name>
    <message>
        <source>%1 of KV cache (%2, %3 tokens)</source>
        <translation>%1 KV-Cache (%2, %3 Token)</translation>
    </message>
    <message>
        <source>%1 of weights, %2 and about %3 of compute buffer make %4</source>
        <translation>%1 Gewichte, %2 und etwa %3 Rechenpuffer ergeben %4</translation>
    </message>
    <message>
        <source>the %1 the GPU may use of unified memory (working-set limit %2, %3 of RAM minus %4 for the OS)</source>
        <translation>der %1, die die GPU vom gemeinsamen Speicher nutzen darf (Working-Set-Grenze %2, %3 RAM minus %4 für das BS)</translation>
    </message>
    <message>
        <source>the %1 the GPU may use of unified memory (estimated working-set limit %2, %3 of RAM minus %4 for the OS)</source>
        <translation>der %1, die die GPU vom gemeinsamen Speicher nutzen darf (geschätzte Working-Set-Grenze %2, %3 RAM minus %4 für das BS)</translation>
    </message>
    <message>
        <source>the %1 usable on the GPU (%2 minus %3 for the driver and desktop)</source>
        <translation>der auf der GPU nutzbaren %1 (%2 minus %3 für Treiber und Desktop)</translation>
    </message>
    <message>
        <source>the %1 of RAM usable (%2 minus %3 kept for the OS)</source>
        <translation>der nutzbaren %1 RAM (%2 minus %3 für das BS)</translation>
    </message>
    <message>
        <source>%1 fits fully on the GPU: %2, within %3; the token embedding (%4) stays in system RAM.</source>
        <translation>%1 passt vollständig auf die GPU: %2, innerhalb %3; die Token-Einbettung (%4) bleibt im System-RAM.</translation>
    </message>
    <message>
        <source>%1 runs from system RAM: %2, within %3.</source>
        <translation>%1 läuft aus dem System-RAM: %2, innerhalb %3.</translation>
    </message>
    <message>
        <source>Q4_K_M cannot be made from this file%1</source>
        <translation>Q4_K_M lässt sich aus dieser Datei nicht erzeugen%1</translation>
    </message>
    <message>
        <source>Q4_K_M is the usual balance of size and quality%1</source>
        <translation>Q4_K_M ist das übliche Gleichgewicht aus Größe und Qualität%1</translation>
    </message>
    <message>
        <source>Started from Q4_K_M, the usual balance of size and quality, and went up while it still fit%1</source>
        <translation>Ausgehend von Q4_K_M, dem üblichen Gleichgewicht aus Größe und Qualität, ging es aufwärts, solange es noch passte%1</translation>
    </message>
    <message>
        <source>; %1 would need %2.</source>
        <translation>; %1 bräuchte %2.</translation>
    </message>
    <message>
        <source>; Q8_0 is the top of the usual range (F16 doubles the size for no measurable gain).</source>
        <translation>; Q8_0 ist die Obergrenze des üblichen Bereichs (F16 verdoppelt die Größe ohne messbaren Gewinn).</translation>
    </message>
    <message>
        <source>.</source>
        <translation>.</translation>
    </message>
    <message>
        <source>On the CPU speed falls with size: Q4_K_M would generate about %1x as fast.</source>
        <translation>Auf der CPU sinkt die Geschwindigkeit mit der Größe: Q4_K_M würde etwa %1-mal so schnell erzeugen.</translation>
    </message>
    <message>
        <source>%1 would need %2, more than %3.</source>
        <translation>%1 bräuchte %2, mehr als %3.</translation>
    </message>
    <message>
        <source>Among the 4-bit presets it is the best that fits; Q4_K_M with part of its layers on the GPU would be slower.</source>
        <translation>Unter den 4-Bit-Voreinstellungen ist sie die beste, die passt; Q4_K_M mit einem Teil der Schichten auf der GPU wäre langsamer.</translation>
    </message>
    <message>
        <source>Among the 4-bit presets it is the best that fits.</source>
        <translation>Unter den 4-Bit-Voreinstellungen ist sie die beste, die passt.</translation>
    </message>
    <message>
        <source>%1 needs %2 to run fully on the GPU with this context, more than %3. So %4 of its %5 layers go to the GPU (%6 there) and the rest run from system RAM (%7 of %8 usable).</source>
        <translation>%1 braucht mit diesem Kontext %2, um vollständig auf der GPU zu laufen, mehr als %3. Deshalb kommen %4 seiner %5 Schichten auf die GPU (%6 dort), der Rest läuft aus dem System-RAM (%7 von %8 nutzbar).</translation>
    </message>
    <message>
        <source>Not one layer of %1 fits in %2, so it runs from system RAM: %3, within %4.</source>
        <translation>Keine einzige Schicht von %1 passt in %2, deshalb läuft es aus dem System-RAM: %3, innerhalb %4.</translation>
    </message>
    <message>
        <source>Higher presets would leave more layers on the CPU and run slower.</source>
        <translation>Höhere Voreinstellungen ließen mehr Schichten auf der CPU und liefen langsamer.</translation>
    </message>
    <message>
        <source>%1 would fit fully on the GPU and run faster, but it is below 4 bits.</source>
        <translation>%1 passte vollständig auf die GPU und liefe schneller, liegt aber unter 4 Bit.</translation>
    </message>
    <message>
        <source>fully on the GPU</source>
        <translation>vollständig auf der GPU</translation>
    </message>
    <message>
        <source>with %1 of %2 layers on the GPU</source>
        <translation>mit %1 von %2 Schichten auf der GPU</translation>
    </message>
    <message>
        <source>from system RAM</source>
        <translation>aus dem System-RAM</translation>
    </message>
    <message>
        <source>Even %1 does not fit: it needs %2 with this context, more than the %3 usable. %4 is the largest preset that does, %5 (%6 needed).</source>
        <translation>Selbst %1 passt nicht: Es braucht mit diesem Kontext %2, mehr als die nutzbaren %3. %4 ist die größte Voreinstellung, die passt, %5 (%6 nötig).</translation>
    </message>
    <message>
        <source>%1 is below 4 bits per weight: expect a clear loss of quality. When quality matters, a smaller model at Q4_K_M or higher is usually the better choice.</source>
        <translation>%1 liegt unter 4 Bit pro Gewicht: Rechnen Sie mit deutlichem Qualitätsverlust. Wenn Qualität zählt, ist ein kleineres Modell mit Q4_K_M oder höher meist die bessere Wahl.</translation>
    </message>
    <message>
        <source>%1 needs an importance matrix: compute one from calibration text (quantforge-cli imatrix) before producing it.</source>
        <translation>%1 braucht eine Wichtigkeitsmatrix: Berechnen Sie vor dem Erzeugen eine aus Kalibriertext (Seite „Erzeugen“ oder quantforge-cli imatrix).</translation>
    </message>
    <message>
        <source>Even the smallest preset, %1, needs %2 with a %3-token context (%4 of it KV cache), more than the %5 this machine has usable.</source>
        <translation>Selbst die kleinste Voreinstellung, %1, braucht mit %3 Token Kontext %2 (davon %4 KV-Cache), mehr als die %5, die dieser Rechner nutzbar hat.</translation>
    </message>
    <message>
        <source>Even the smallest preset, %1, needs %2 with a %3-token context (%4 of it KV cache), more than the %5 this machine has usable in RAM and GPU memory together.</source>
        <translation>Selbst die kleinste Voreinstellung, %1, braucht mit %3 Token Kontext %2 (davon %4 KV-Cache), mehr als die %5, die dieser Rechner in RAM und GPU-Speicher zusammen nutzbar hat.</translation>
    </message>
    <message>
        <source>No presets.</source>
        <translation>Keine Voreinstellungen.</translation>
    </message>
    <message>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>With a context of %1 tokens, %2 would fit.</source>
        <translation>Mit einem Kontext von %1 Token passte %2.</translation>
    </message>
    <message>
        <source>With a context of %1 tokens, %2 would fit fully on the GPU.</source>
        <translation>Mit einem Kontext von %1 Token passte %2 vollständig auf die GPU.</translation>
    </message>
    <message>
        <source>With a context of %1 tokens, %2 would fit in RAM.</source>
        <translation>Mit einem Kontext von %1 Token passte %2 in den RAM.</translation>
    </message>
    <message>
        <source>With a %1 KV cache (%2 instead of %3), %4 would fit.</source>
        <translation>Mit einem %1-KV-Cache (%2 statt %3) passte %4.</translation>
    </message>
    <message>
        <source>With a %1 KV cache (%2 instead of %3), %4 would fit fully on the GPU.</source>
        <translation>Mit einem %1-KV-Cache (%2 statt %3) passte %4 vollständig auf die GPU.</translation>
    </message>
    <message>
        <source>With a %1 KV cache (%2 instead of %3), %4 would fit in RAM.</source>
        <translation>Mit einem %1-KV-Cache (%2 statt %3) passte %4 in den RAM.</translation>
    </message>
    <message>
        <source>A GPU with %1 of memory would hold %2 completely.</source>
        <translation>Eine GPU mit %1 Speicher fasste %2 vollständig.</translation>
    </message>
    <message>
        <source>A smaller model would fit: about %1 B parameters at %2 with this context (this one has %3 B).</source>
        <translation>Ein kleineres Modell passte: etwa %1 Mrd. Parameter mit %2 bei diesem Kontext (dieses hat %3 Mrd.).</translation>
    </message>
    <message>
        <source>The context (%1 tokens) is longer than the model was trained for (%2 tokens).</source>
        <translation>Der Kontext (%1 Token) ist länger als der, für den das Modell trainiert wurde (%2 Token).</translation>
    </message>
</context>
<context>
    <name>qf::ui::RecommendTableModel</name>
    <message>
        <source>Fits on GPU</source>
        <translation>Passt auf die GPU</translation>
    </message>
    <message>
        <source>Partial: %1 of %2 layers on GPU</source>
        <translation>Teilweise: %1 von %2 Schichten auf der GPU</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>Nur CPU</translation>
    </message>
    <message>
        <source>Does not fit</source>
        <translation>Passt nicht</translation>
    </message>
    <message>
        <source>%1 GPU</source>
        <translation>%1 GPU</translation>
    </message>
    <message>
        <source>%1 GPU + %2 RAM</source>
        <translation>%1 GPU + %2 RAM</translation>
    </message>
    <message>
        <source>%1 RAM</source>
        <translation>%1 RAM</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>lossless (unquantized)</source>
        <translation>verlustfrei (nicht quantisiert)</translation>
    </message>
    <message>
        <source>%1 · ΔPPL %2 %</source>
        <translation>%1 · ΔPPL %2 %</translation>
    </message>
    <message>
        <source>%1 · ΔPPL %2 ± %3 %</source>
        <translation>%1 · ΔPPL %2 ± %3 %</translation>
    </message>
    <message>
        <source>%1 (measured)</source>
        <translation>%1 (gemessen)</translation>
    </message>
    <message>
        <source>Cannot be made</source>
        <translation>Nicht erzeugbar</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Exact file size: %1 bytes, %2 bits per weight</source>
        <translation>Exakte Dateigröße: %1 Bytes, %2 Bits pro Gewicht</translation>
    </message>
    <message>
        <source>Weights %1 (exact) + KV cache %2 (exact) + compute buffer about %3 (estimate) = %4</source>
        <translation>Gewichte %1 (exakt) + KV-Cache %2 (exakt) + Rechenpuffer etwa %3 (Schätzung) = %4</translation>
    </message>
    <message>
        <source>Estimate: tokens per second relative to this model&apos;s F16 weights read from system RAM (memory-bandwidth model)</source>
        <translation>Schätzung: Token pro Sekunde relativ zu den F16-Gewichten dieses Modells aus dem System-RAM (Speicherbandbreitenmodell)</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation>Benötigter Speicher</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Passt</translation>
    </message>
    <message>
        <source>Expected quality</source>
        <translation>Erwartete Qualität</translation>
    </message>
    <message>
        <source>Speed (est.)</source>
        <translation>Geschw. (gesch.)</translation>
    </message>
    <message>
        <source>Exact: from the quantization plan</source>
        <translation>Exakt: aus dem Quantisierungsplan</translation>
    </message>
    <message>
        <source>Weights and KV cache are exact; the compute buffer is an estimate</source>
        <translation>Gewichte und KV-Cache sind exakt; der Rechenpuffer ist geschätzt</translation>
    </message>
    <message>
        <source>Measured on this model when available; otherwise the typical value for the preset (an estimate)</source>
        <translation>An diesem Modell gemessen, falls vorhanden; sonst der typische Wert der Voreinstellung (Schätzung)</translation>
    </message>
    <message>
        <source>Estimated tokens per second relative to F16 read from system RAM</source>
        <translation>Geschätzte Token pro Sekunde relativ zu F16 aus dem System-RAM</translation>
    </message>
    <message>
        <source>lossless</source>
        <translation>verlustfrei</translation>
    </message>
    <message>
        <source>near-lossless</source>
        <translation>nahezu verlustfrei</translation>
    </message>
    <message>
        <source>very good</source>
        <translation>sehr gut</translation>
    </message>
    <message>
        <source>reduced</source>
        <translation>vermindert</translation>
    </message>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>%1 · ΔPPL within ± %2 %</source>
        <translation>%1 · ΔPPL innerhalb ± %2 %</translation>
    </message>
    <message>
        <source>%1 (est. from this model)</source>
        <translation>%1 (gesch. aus diesem Modell)</translation>
    </message>
    <message>
        <source>%1 (typical, est.)</source>
        <translation>%1 (typisch, gesch.)</translation>
    </message>
    <message>
        <source>Measured on this model: %1</source>
        <translation>An diesem Modell gemessen: %1</translation>
    </message>
    <message>
        <source>Estimated from what was measured on this model (interpolated along bits per weight); evaluate this preset to measure it.</source>
        <translation>Geschätzt aus den Messungen an diesem Modell (entlang der Bits pro Gewicht interpoliert); bewerten Sie diese Voreinstellung, um sie zu messen.</translation>
    </message>
    <message>
        <source>Typical value on a small reference model (llama.cpp&apos;s perplexity and KL divergence); an estimate: evaluate quants on the Compare page to measure this model.</source>
        <translation>Typischer Wert an einem kleinen Referenzmodell (Perplexität und KL-Divergenz von llama.cpp); eine Schätzung: Bewerten Sie Quants auf der Seite „Vergleichen“, um dieses Modell zu messen.</translation>
    </message>
    <message>
        <source>%1 (= %2)</source>
        <translation>%1 (= %2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n fallback(s))</source>
        <translation>
            <numerusform>%1 (%n Ersatztyp)</numerusform>
            <numerusform>%1 (%n Ersatztypen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Same file as %1 on this model: its rows do not fit this preset&apos;s blocks (%2).</source>
        <translation>Bei diesem Modell dieselbe Datei wie %1: Seine Zeilen passen nicht in die Blöcke dieser Voreinstellung (%2).</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) use a fallback type: %1.</source>
        <translation>
            <numerusform>%n Tensor verwendet einen Ersatztyp: %1.</numerusform>
            <numerusform>%n Tensoren verwenden einen Ersatztyp: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2 for %n tensor(s)</source>
        <translation>
            <numerusform>%1 → %2 für %n Tensor</numerusform>
            <numerusform>%1 → %2 für %n Tensoren</numerusform>
        </translation>
    </message>
    <message>
        <source>Same file as %1 on this model: every tensor gets the same type.</source>
        <translation>Bei diesem Modell dieselbe Datei wie %1: Jeder Tensor erhält denselben Typ.</translation>
    </message>
    <message>
        <source>Custom mix — fits this machine exactly</source>
        <translation>Eigene Mischung — passt genau auf diesen Rechner</translation>
    </message>
    <message>
        <source>≤ %1</source>
        <translation>≤ %1</translation>
    </message>
    <message>
        <source>KLD %1 ± %2 (measured) · %3 predicted</source>
        <translation>KLD %1 ± %2 (gemessen) · %3 vorhergesagt</translation>
    </message>
    <message>
        <source>KLD %1 (predicted)</source>
        <translation>KLD %1 (vorhergesagt)</translation>
    </message>
    <message>
        <source>Standard GGUF types chosen tensor by tensor from this model&apos;s measured sensitivity, so that the predicted loss (KL divergence) is least within %1: the largest file this machine holds at this context%2.</source>
        <translation>Standard-GGUF-Typen, Tensor für Tensor nach der gemessenen Empfindlichkeit dieses Modells gewählt, sodass der vorhergesagte Verlust (KL-Divergenz) innerhalb von %1 am kleinsten ist: die größte Datei, die dieser Rechner bei diesem Kontext fasst%2.</translation>
    </message>
    <message>
        <source>, at most the largest preset&apos;s size</source>
        <translation>, höchstens so groß wie die größte Voreinstellung</translation>
    </message>
    <message>
        <source>Budget: %1 bytes</source>
        <translation>Budget: %1 Byte</translation>
    </message>
    <message>
        <source>Predicted: the sum of each tensor&apos;s measured KL divergence on the calibration text. Measured: the produced file evaluated on the Compare page.</source>
        <translation>Vorhergesagt: die Summe der am Kalibrierungstext gemessenen KL-Divergenz jedes Tensors. Gemessen: die erzeugte Datei, auf der Seite Vergleichen ausgewertet.</translation>
    </message>
    <message>
        <source>within ± %1 %</source>
        <translation>innerhalb ± %1 %</translation>
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
        <translation>%1 (gesch.)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>KLD %1 ± %2 (measured)</source>
        <translation>KLD %1 ± %2 (gemessen)</translation>
    </message>
    <message>
        <source>KLD %1 (measured)</source>
        <translation>KLD %1 (gemessen)</translation>
    </message>
    <message>
        <source>KLD %1 (pred.)</source>
        <translation>KLD %1 (Prognose)</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>Eigene Mischung</translation>
    </message>
    <message>
        <source>File size: %1 bytes, %2 bits per weight, and the importance matrix&apos;s name, its text&apos;s name and two counts in the metadata (a few hundred bytes more)</source>
        <translation>Dateigröße: %1 Bytes, %2 Bit pro Gewicht, dazu in den Metadaten der Name der Wichtigkeitsmatrix, der Name ihres Textes und zwei Zählwerte (einige hundert Bytes mehr)</translation>
    </message>
</context>
<context>
    <name>qf::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>Alle (%1)</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Worker threads for producing files; 0 uses all of this machine&apos;s threads</source>
        <translation>Arbeits-Threads zum Erzeugen von Dateien; 0 nutzt alle Threads dieses Rechners</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <source>Default presets</source>
        <translation>Standard-Voreinstellungen</translation>
    </message>
    <message>
        <source>Checked presets are chosen on the Produce page when a model is opened; with none checked the recommendation decides</source>
        <translation>Angehakte Voreinstellungen werden beim Öffnen eines Modells auf der Seite „Erzeugen“ gewählt; ist keine angehakt, entscheidet die Empfehlung</translation>
    </message>
    <message>
        <source>Default &amp;presets:</source>
        <translation>Standard-&amp;Voreinstellungen:</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>&amp;Ausgabeordner:</translation>
    </message>
    <message>
        <source>Beside the model</source>
        <translation>Neben dem Modell</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>RAM kept for the OS</source>
        <translation>Für das Betriebssystem freigehaltener RAM</translation>
    </message>
    <message>
        <source>RAM kept for the &amp;OS:</source>
        <translation>RAM für das &amp;Betriebssystem:</translation>
    </message>
    <message>
        <source>Used by the Recommend page for this machine</source>
        <translation>Wird von der Seite „Empfehlung“ für diesen Rechner verwendet</translation>
    </message>
    <message>
        <source>&amp;Calibration text:</source>
        <translation>&amp;Kalibrierungstext:</translation>
    </message>
    <message>
        <source>Bundled text</source>
        <translation>Mitgelieferter Text</translation>
    </message>
    <message>
        <source>Text for computing importance matrices (default: %1)</source>
        <translation>Text zum Berechnen von Wichtigkeitsmatrizen (Standard: %1)</translation>
    </message>
    <message>
        <source>&amp;Evaluation text:</source>
        <translation>&amp;Bewertungstext:</translation>
    </message>
    <message>
        <source>Text the Compare page evaluates on (default: %1)</source>
        <translation>Text, mit dem die Seite „Vergleichen“ bewertet (Standard: %1)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Takes effect when Quantforge is started again.</source>
        <translation>Wird beim nächsten Start von Quantforge wirksam.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Use the reference kernels (slower; for comparing results)</source>
        <translation>Referenz-Kernel verwenden (langsamer; zum Vergleichen von Ergebnissen)</translation>
    </message>
    <message>
        <source>Quantizes with the portable scalar code instead of this CPU&apos;s vector instructions</source>
        <translation>Quantisiert mit dem portablen Skalarcode statt mit den Vektorbefehlen dieser CPU</translation>
    </message>
    <message>
        <source>&amp;Kernels:</source>
        <translation>&amp;Kernel:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose: %1</source>
        <translation>Auswählen: %1</translation>
    </message>
    <message>
        <source>Text files (*.txt *.zst);;All files (*)</source>
        <translation>Textdateien (*.txt *.zst);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Clear Cache…</source>
        <translation>Cache leeren…</translation>
    </message>
    <message>
        <source>Clear the cache</source>
        <translation>Den Cache leeren</translation>
    </message>
    <message>
        <source>Clear Cache?</source>
        <translation>Cache leeren?</translation>
    </message>
    <message>
        <source>Remove %1 of converted models and cached measurements from %2? They are made again when needed.</source>
        <translation>%1 an konvertierten Modellen und zwischengespeicherten Messungen aus %2 entfernen? Sie werden bei Bedarf neu erstellt.</translation>
    </message>
    <message>
        <source>Cache:</source>
        <translation>Cache:</translation>
    </message>
    <message>
        <source>%1 of converted models and cached measurements</source>
        <translation>%1 an konvertierten Modellen und zwischengespeicherten Messungen</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>Leer</translation>
    </message>
    <message>
        <source>Clear Cache</source>
        <translation>Cache leeren</translation>
    </message>
</context>
<context>
    <name>qf::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>qf::ui::SideBySideView</name>
    <message>
        <source>&amp;Prompt:</source>
        <translation>&amp;Prompt:</translation>
    </message>
    <message>
        <source>Text every file continues</source>
        <translation>Text, den jede Datei fortsetzt</translation>
    </message>
    <message>
        <source>Ma&amp;x:</source>
        <translation>Ma&amp;x.:</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Tokens</translation>
    </message>
    <message>
        <source>The most tokens each file generates</source>
        <translation>Höchstzahl der Tokens, die jede Datei erzeugt</translation>
    </message>
    <message>
        <source>Temperat&amp;ure:</source>
        <translation>Temperat&amp;ur:</translation>
    </message>
    <message>
        <source>0 (greedy)</source>
        <translation>0 (gierig)</translation>
    </message>
    <message>
        <source>0 always picks the most likely token, so every run gives the same text</source>
        <translation>0 wählt immer das wahrscheinlichste Token, daher liefert jeder Lauf denselben Text</translation>
    </message>
    <message>
        <source>See&amp;d:</source>
        <translation>Sta&amp;rtwert:</translation>
    </message>
    <message>
        <source>The same seed and temperature give the same text</source>
        <translation>Derselbe Startwert und dieselbe Temperatur ergeben denselben Text</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Generate with every file at once</source>
        <translation>Mit allen Dateien gleichzeitig erzeugen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <source>Stop every generation; the text so far stays</source>
        <translation>Alle Erzeugungen anhalten; der bisherige Text bleibt</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Select a model to run a prompt on it and its quants.</source>
        <translation>Wählen Sie ein Modell, um einen Prompt darauf und auf seinen Quantisierungen auszuführen.</translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation>Geben Sie zuerst einen Prompt ein.</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tok/s</source>
        <translation>%1 Tokens · %2 Tok./s</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Wird erzeugt…</translation>
    </message>
    <message numerus="yes">
        <source>Generating with %n file(s)…</source>
        <translation>
            <numerusform>Wird mit %n Datei erzeugt…</numerusform>
            <numerusform>Wird mit %n Dateien erzeugt…</numerusform>
        </translation>
    </message>
    <message>
        <source>Generating… %1 tokens</source>
        <translation>Wird erzeugt… %1 Tokens</translation>
    </message>
    <message>
        <source>Output of %1</source>
        <translation>Ausgabe von %1</translation>
    </message>
    <message>
        <source>Once upon a time, in a small town by the sea,</source>
        <translation>Es war einmal, in einer kleinen Stadt am Meer,</translation>
    </message>
</context>
<context>
    <name>qf::ui::SizeQualityChart</name>
    <message>
        <source>File size (MB)</source>
        <translation>Dateigröße (MB)</translation>
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
        <translation>&lt;br&gt;Mittl. KLD %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;Source (reference)</source>
        <translation>&lt;br&gt;Quelle (Referenz)</translation>
    </message>
    <message>
        <source>No measurements yet: press Evaluate</source>
        <translation>Noch keine Messungen: Drücken Sie „Auswerten“</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>Pareto-Front</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Size and quality chart</source>
        <translation>Diagramm Größe und Qualität</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>Perplexität</translation>
    </message>
    <message>
        <source>Mean KLD</source>
        <translation>Mittlere KLD</translation>
    </message>
    <message>
        <source>%1: %2 MB, KLD %3</source>
        <translation>%1: %2 MB, KLD %3</translation>
    </message>
</context>
<context>
    <name>qf::ui::SourceView</name>
    <message>
        <source>No model selected</source>
        <translation>Kein Modell ausgewählt</translation>
    </message>
    <message>
        <source>Select a model in the list, or drop GGUF files onto the window.</source>
        <translation>Wählen Sie ein Modell in der Liste oder ziehen Sie GGUF-Dateien auf das Fenster.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Model pages</source>
        <translation>Modellseiten</translation>
    </message>
</context>
<context>
    <name>qf::ui::TensorTableModel</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>%1 elements</source>
        <translation>%1 Elemente</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>qf::ui::format</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>less than a second left</source>
        <translation>weniger als eine Sekunde übrig</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>noch etwa %1 s</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>noch etwa %1 min</translation>
    </message>
    <message>
        <source>about %1 h %2 min left</source>
        <translation>noch etwa %1 h %2 min</translation>
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
