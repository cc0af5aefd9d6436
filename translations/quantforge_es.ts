<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>main</name>
    <message>
        <source>Choose and produce quantized LLM files for your machine.</source>
        <translation>Elija y produzca archivos LLM cuantizados para su equipo.</translation>
    </message>
    <message>
        <source>Open the bundled sample, show its recommendation and quit; the exit code tells whether it worked.</source>
        <translation>Abrir el ejemplo incluido, mostrar su recomendación y salir; el código de salida indica si ha funcionado.</translation>
    </message>
    <message>
        <source>GGUF models to open.</source>
        <translation>Modelos GGUF que abrir.</translation>
    </message>
    <message>
        <source>Walk through the app on the bundled sample and save a PNG of each view into DIR (for the README); the exit code tells whether it worked.</source>
        <translation>Recorrer la aplicación con el modelo de ejemplo incluido y guardar un PNG de cada vista en DIR (para el README); el código de salida indica si funcionó.</translation>
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
        <translation>Qt: %1 (compilado con %2)</translation>
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
        <translation>Compilador: %1</translation>
    </message>
    <message>
        <source>Kernels: %1</source>
        <translation>Núcleos de cálculo: %1</translation>
    </message>
    <message>
        <source>CPU features: %1</source>
        <translation>Funciones de la CPU: %1</translation>
    </message>
    <message>
        <source>none detected</source>
        <translation>ninguna detectada</translation>
    </message>
    <message>
        <source>Platform: %1 (%2)</source>
        <translation>Plataforma: %1 (%2)</translation>
    </message>
    <message>
        <source>About Quantforge</source>
        <translation>Acerca de Quantforge</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Quantforge %1&lt;/h3&gt;&lt;p&gt;Chooses, produces and compares quantized GGUF models for your machine.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Quantforge %1&lt;/h3&gt;&lt;p&gt;Elige, produce y compara modelos GGUF cuantizados para su equipo.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Build and system information</source>
        <translation>Información de compilación y del sistema</translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation>&amp;Copiar detalles</translation>
    </message>
</context>
<context>
    <name>qf::ui::CacheStorage</name>
    <message>
        <source>Could not remove %1</source>
        <translation>No se pudo eliminar %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::ComparePage</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Evaluar</translation>
    </message>
    <message>
        <source>Cancel Evaluation</source>
        <translation>Cancelar la evaluación</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Texto:</translation>
    </message>
    <message>
        <source>Plain text to evaluate on</source>
        <translation>Texto plano con el que evaluar</translation>
    </message>
    <message>
        <source>The text every file is evaluated on (default: the bundled evaluation text)</source>
        <translation>El texto con el que se evalúa cada archivo (predeterminado: el texto de evaluación incluido)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Evaluation Text</source>
        <translation>Texto de evaluación</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Archivos de texto (*.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>C&amp;ontext:</source>
        <translation>C&amp;ontexto:</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> tokens</translation>
    </message>
    <message>
        <source>Tokens per chunk, as llama-perplexity&apos;s -c</source>
        <translation>Tokens por fragmento, como -c de llama-perplexity</translation>
    </message>
    <message>
        <source>&amp;Quick: first</source>
        <translation>&amp;Rápido: primeros</translation>
    </message>
    <message>
        <source>Evaluate only the first chunks of the text: faster, with a larger ±</source>
        <translation>Evaluar solo los primeros fragmentos del texto: más rápido, con un ± mayor</translation>
    </message>
    <message>
        <source> chunks</source>
        <translation> fragmentos</translation>
    </message>
    <message>
        <source>&amp;Evaluate</source>
        <translation>&amp;Evaluar</translation>
    </message>
    <message>
        <source>Measure perplexity, KL divergence and speed of the source and every quant listed under it (Ctrl+Enter)</source>
        <translation>Medir la perplejidad, la divergencia KL y la velocidad del original y de cada cuantización listada debajo (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop the evaluation (Esc); files already measured keep their results</source>
        <translation>Detener la evaluación (Esc); los archivos ya medidos conservan sus resultados</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>Exportar el gráfico…</translation>
    </message>
    <message>
        <source>Export Table…</source>
        <translation>Exportar la tabla…</translation>
    </message>
    <message>
        <source>Choose an evaluation text: the bundled one is not installed.</source>
        <translation>Elija un texto de evaluación: el incluido no está instalado.</translation>
    </message>
    <message>
        <source>Could not read the evaluation text %1: %2</source>
        <translation>No se pudo leer el texto de evaluación %1: %2</translation>
    </message>
    <message>
        <source>The evaluation text %1 is larger than %2.</source>
        <translation>El texto de evaluación %1 supera %2.</translation>
    </message>
    <message>
        <source>Some stored results could not be read and will be replaced when evaluated again:
%1</source>
        <translation>Algunos resultados guardados no se pudieron leer y se reemplazarán al volver a evaluar:
%1</translation>
    </message>
    <message>
        <source>Select a model to compare its quants.</source>
        <translation>Seleccione un modelo para comparar sus cuantizaciones.</translation>
    </message>
    <message>
        <source>No quants of this model are listed yet: produce some, or open them. Evaluate measures the source alone.</source>
        <translation>Aún no hay cuantizaciones de este modelo en la lista: produzca algunas o ábralas. Evaluar mide solo el original.</translation>
    </message>
    <message numerus="yes">
        <source>Not measured on this text and context yet. Evaluate measures the source and %n quant(s).</source>
        <translation>
            <numerusform>Aún no medido con este texto y contexto. Evaluar mide el original y %n cuantización.</numerusform>
            <numerusform>Aún no medido con este texto y contexto. Evaluar mide el original y %n cuantizaciones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 file(s) measured on %3, context %4.</source>
        <translation>
            <numerusform>%1 de %2 archivo medido con %3, contexto %4.</numerusform>
            <numerusform>%1 de %2 archivos medidos con %3, contexto %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a model first.</source>
        <translation>Seleccione primero un modelo.</translation>
    </message>
    <message>
        <source>The evaluation text %1 does not exist.</source>
        <translation>El texto de evaluación %1 no existe.</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>Evaluando…</translation>
    </message>
    <message>
        <source>Evaluated in %1.</source>
        <translation>Evaluado en %1.</translation>
    </message>
    <message>
        <source>Evaluation failed.</source>
        <translation>La evaluación ha fallado.</translation>
    </message>
    <message>
        <source>Evaluation cancelled.</source>
        <translation>Evaluación cancelada.</translation>
    </message>
    <message>
        <source>Waiting for the running job to finish…</source>
        <translation>Esperando a que termine la tarea en curso…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Results could not be stored beside the file, so they will not be shown next time:
%1</source>
        <translation>No se pudieron guardar los resultados junto al archivo, así que no se mostrarán la próxima vez:
%1</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>Imagen PNG (*.png);;Imagen SVG (*.svg)</translation>
    </message>
    <message>
        <source>CSV table (*.csv);;JSON (*.json)</source>
        <translation>Tabla CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Exportar el gráfico</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>Exportar la tabla</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>%1 exportado.</translation>
    </message>
    <message>
        <source>Same prompt, side by side</source>
        <translation>Misma indicación, lado a lado</translation>
    </message>
    <message>
        <source>Chunks to evaluate</source>
        <translation>Fragmentos a evaluar</translation>
    </message>
    <message>
        <source>Chart metric</source>
        <translation>Métrica del gráfico</translation>
    </message>
    <message>
        <source>Comparison table</source>
        <translation>Tabla comparativa</translation>
    </message>
    <message>
        <source>Size against perplexity (lower is better)</source>
        <translation>Tamaño frente a perplejidad (menor es mejor)</translation>
    </message>
    <message>
        <source>Size against KL divergence (lower is better)</source>
        <translation>Tamaño frente a divergencia KL (menor es mejor)</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>Mezcla a medida</translation>
    </message>
    <message>
        <source>Chart and table</source>
        <translation>Gráfico y tabla</translation>
    </message>
    <message>
        <source>Custom mix (predicted)</source>
        <translation>Mezcla a medida (prevista)</translation>
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
        <translation>Perplejidad en el texto de evaluación, con su ± (menor es mejor)</translation>
    </message>
    <message>
        <source>Perplexity relative to the source</source>
        <translation>Perplejidad relativa al original</translation>
    </message>
    <message>
        <source>Mean KL divergence from the source&apos;s predictions, with its ± (lower is better)</source>
        <translation>Divergencia KL media respecto a las predicciones del original, con su ± (menor es mejor)</translation>
    </message>
    <message>
        <source>How often the most likely next token is the same as the source&apos;s</source>
        <translation>Con qué frecuencia el siguiente token más probable coincide con el del original</translation>
    </message>
    <message>
        <source>Prompt processing speed measured during the perplexity run</source>
        <translation>Velocidad de procesamiento del prompt medida durante el cálculo de perplejidad</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>Bits/peso</translation>
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
        <translation>KLD media ±</translation>
    </message>
    <message>
        <source>Same top</source>
        <translation>Mismo primero</translation>
    </message>
    <message numerus="yes">
        <source>%1, context %2, %n chunk(s)</source>
        <translation>
            <numerusform>%1, contexto %2, %n fragmento</numerusform>
            <numerusform>%1, contexto %2, %n fragmentos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (source)</source>
        <translation>%1 (original)</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>referencia</translation>
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
        <translation>Velocidad de generación: %1 tokens de uno en uno tras el comienzo del texto</translation>
    </message>
    <message>
        <source>Prompt tok/s</source>
        <translation>Indicación tokens/s</translation>
    </message>
    <message>
        <source>Generation tok/s</source>
        <translation>Generación tokens/s</translation>
    </message>
    <message>
        <source>Custom mix: predicted mean KLD %1 before it was made</source>
        <translation>Mezcla a medida: KLD media prevista antes de crearla %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::DropOverlay</name>
    <message>
        <source>Drop models to open them</source>
        <translation>Suelte modelos para abrirlos</translation>
    </message>
</context>
<context>
    <name>qf::ui::EmptyStateWidget</name>
    <message>
        <source>Try the sample model</source>
        <translation>Probar el modelo de ejemplo</translation>
    </message>
    <message>
        <source>Drop GGUF models here</source>
        <translation>Suelte aquí modelos GGUF</translation>
    </message>
    <message>
        <source>Quantforge finds the quantization of a model that fits your machine best, produces it and shows what it costs in quality.</source>
        <translation>Quantforge encuentra la cuantización de un modelo que mejor se adapta a su equipo, la produce y muestra cuánta calidad cuesta.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Abrir…</translation>
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
        <translation>Perplejidad de %1</translation>
    </message>
    <message>
        <source>Reference outputs of %1</source>
        <translation>Salidas de referencia de %1</translation>
    </message>
    <message>
        <source>KL divergence of %1</source>
        <translation>Divergencia KL de %1</translation>
    </message>
    <message>
        <source>Generation speed of %1</source>
        <translation>Velocidad de generación de %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::ExportPanel</name>
    <message>
        <source>Save Ollama Modelfile…</source>
        <translation>Guardar Modelfile de Ollama…</translation>
    </message>
    <message>
        <source>Create in Ollama…</source>
        <translation>Crear en Ollama…</translation>
    </message>
    <message>
        <source>Copy to LM Studio…</source>
        <translation>Copiar a LM Studio…</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Write an Ollama Modelfile for this file: FROM, the chat template and the stop tokens.</source>
        <translation>Escribir un Modelfile de Ollama para este archivo: FROM, la plantilla de chat y los tokens de parada.</translation>
    </message>
    <message>
        <source>Copy this file into LM Studio&apos;s models folder as publisher/model/file.gguf.</source>
        <translation>Copiar este archivo en la carpeta de modelos de LM Studio como publisher/model/file.gguf.</translation>
    </message>
    <message>
        <source>Show this file in the file manager.</source>
        <translation>Mostrar este archivo en el gestor de archivos.</translation>
    </message>
    <message>
        <source>Use with</source>
        <translation>Usar con</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Estado de la exportación</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progreso de la exportación</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Cancelar la exportación</translation>
    </message>
    <message>
        <source>Ollama output</source>
        <translation>Salida de Ollama</translation>
    </message>
    <message>
        <source>Export error</source>
        <translation>Error de exportación</translation>
    </message>
    <message>
        <source>Ollama was not found on PATH. Install it from ollama.com to create the model in it directly.</source>
        <translation>No se encontró Ollama en el PATH. Instálelo desde ollama.com para crear el modelo directamente en él.</translation>
    </message>
    <message>
        <source>Create a model in Ollama from this file (ollama create).</source>
        <translation>Crear un modelo en Ollama a partir de este archivo (ollama create).</translation>
    </message>
    <message>
        <source>Save Ollama Modelfile</source>
        <translation>Guardar Modelfile de Ollama</translation>
    </message>
    <message>
        <source>The Modelfile was not saved</source>
        <translation>No se guardó el Modelfile</translation>
    </message>
    <message>
        <source>Saved the Modelfile as %1. Create the model with: ollama create NAME -f %2</source>
        <translation>Modelfile guardado como %1. Cree el modelo con: ollama create NAME -f %2</translation>
    </message>
    <message>
        <source>Create in Ollama</source>
        <translation>Crear en Ollama</translation>
    </message>
    <message>
        <source>Model name in Ollama (letters, digits, &apos;.&apos;, &apos;-&apos;, &apos;_&apos;; an optional :tag):</source>
        <translation>Nombre del modelo en Ollama (letras, dígitos, &apos;.&apos;, &apos;-&apos;, &apos;_&apos;; un :tag opcional):</translation>
    </message>
    <message>
        <source>Not a model name Ollama accepts</source>
        <translation>Ollama no acepta este nombre de modelo</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: use letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;, optionally followed by :tag.</source>
        <translation>«%1»: use letras, dígitos, &apos;.&apos;, &apos;-&apos; y &apos;_&apos;, opcionalmente seguidos de :tag.</translation>
    </message>
    <message>
        <source>Ollama was not found</source>
        <translation>No se encontró Ollama</translation>
    </message>
    <message>
        <source>No &quot;ollama&quot; program is on PATH.</source>
        <translation>No hay ningún programa «ollama» en el PATH.</translation>
    </message>
    <message>
        <source>The Modelfile was not written</source>
        <translation>No se escribió el Modelfile</translation>
    </message>
    <message>
        <source>Creating %1 in Ollama…</source>
        <translation>Creando %1 en Ollama…</translation>
    </message>
    <message>
        <source>Cancelled creating %1 in Ollama.</source>
        <translation>Se canceló la creación de %1 en Ollama.</translation>
    </message>
    <message>
        <source>Created %1 in Ollama (exit code 0). Run it with: ollama run %1</source>
        <translation>%1 se creó en Ollama (exit code 0). Ejecútelo con: ollama run %1</translation>
    </message>
    <message>
        <source>ollama create did not run or crashed</source>
        <translation>ollama create no se ejecutó o falló</translation>
    </message>
    <message>
        <source>ollama create failed with exit code %1</source>
        <translation>ollama create falló con el exit code %1</translation>
    </message>
    <message>
        <source>LM Studio&apos;s models folder</source>
        <translation>Carpeta de modelos de LM Studio</translation>
    </message>
    <message>
        <source>Copy to LM Studio</source>
        <translation>Copiar a LM Studio</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 ya existe. ¿Reemplazarlo?</translation>
    </message>
    <message>
        <source>Copied to %1. LM Studio lists it under My Models.</source>
        <translation>Copiado en %1. LM Studio lo muestra en «My Models».</translation>
    </message>
    <message>
        <source>The copy to LM Studio failed</source>
        <translation>Falló la copia a LM Studio</translation>
    </message>
    <message>
        <source>Cancelled the copy to LM Studio; nothing was left behind.</source>
        <translation>Se canceló la copia a LM Studio; no quedó nada.</translation>
    </message>
    <message>
        <source>Copying %1 to %2…</source>
        <translation>Copiando %1 en %2…</translation>
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
        <translation>Error inesperado al generar: %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::HfCache</name>
    <message>
        <source>Converting %1 to F16 for evaluation…</source>
        <translation>Convirtiendo %1 a F16 para la evaluación…</translation>
    </message>
</context>
<context>
    <name>qf::ui::ImatrixChooser</name>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>From file</source>
        <translation>Desde archivo</translation>
    </message>
    <message>
        <source>Compute from text</source>
        <translation>Calcular a partir de texto</translation>
    </message>
    <message>
        <source>An importance matrix (from llama-imatrix, or computed here from calibration text) weights each column by how much it matters on real text; it usually improves the smaller presets.</source>
        <translation>Una matriz de importancia (de llama-imatrix, o calculada aquí a partir de texto de calibración) pondera cada columna según cuánto importa en texto real; suele mejorar los preajustes más pequeños.</translation>
    </message>
    <message>
        <source>Importance matrix source</source>
        <translation>Origen de la matriz de importancia</translation>
    </message>
    <message>
        <source>imatrix.dat or imatrix.gguf</source>
        <translation>imatrix.dat o imatrix.gguf</translation>
    </message>
    <message>
        <source>Importance matrix file</source>
        <translation>Archivo de matriz de importancia</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Choose the importance matrix file</source>
        <translation>Elegir el archivo de matriz de importancia</translation>
    </message>
    <message>
        <source>Calibration text (.txt or .txt.zst)</source>
        <translation>Texto de calibración (.txt o .txt.zst)</translation>
    </message>
    <message>
        <source>Text the model reads to measure which weights matter; the bundled text is public-domain prose. Use text like what the model will see.</source>
        <translation>Texto que el modelo lee para medir qué pesos importan; el texto incluido es prosa de dominio público. Use un texto parecido al que verá el modelo.</translation>
    </message>
    <message>
        <source>Calibration text file</source>
        <translation>Archivo de texto de calibración</translation>
    </message>
    <message>
        <source>Choose the calibration text</source>
        <translation>Elegir el texto de calibración</translation>
    </message>
    <message>
        <source>Importance matrix progress</source>
        <translation>Progreso de la matriz de importancia</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop computing the importance matrix</source>
        <translation>Detener el cálculo de la matriz de importancia</translation>
    </message>
    <message>
        <source>Importance matrix status</source>
        <translation>Estado de la matriz de importancia</translation>
    </message>
    <message>
        <source>Reading the importance matrix…</source>
        <translation>Leyendo la matriz de importancia…</translation>
    </message>
    <message>
        <source>Choose a readable importance matrix file, or set it to None.</source>
        <translation>Elija un archivo de matriz de importancia legible o seleccione Ninguna.</translation>
    </message>
    <message>
        <source>Computing the importance matrix (see above)…</source>
        <translation>Calculando la matriz de importancia (véase arriba)…</translation>
    </message>
    <message>
        <source>Importance Matrix</source>
        <translation>Matriz de importancia</translation>
    </message>
    <message>
        <source>Importance matrices (*.dat *.gguf);;All files (*)</source>
        <translation>Matrices de importancia (*.dat *.gguf);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Choose an importance matrix file.</source>
        <translation>Elija un archivo de matriz de importancia.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entrada</numerusform>
            <numerusform>%n entradas</numerusform>
        </translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 entrada</translation>
    </message>
    <message>
        <source>%1, %2 chunks</source>
        <translation>%1, %2 fragmentos</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Calibration Text</source>
        <translation>Texto de calibración</translation>
    </message>
    <message>
        <source>Text files (*.txt *.txt.zst *.zst);;All files (*)</source>
        <translation>Archivos de texto (*.txt *.txt.zst *.zst);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Choose a calibration text.</source>
        <translation>Elija un texto de calibración.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 no existe.</translation>
    </message>
    <message>
        <source>Computed from %1 once a model is selected.</source>
        <translation>Se calculará a partir de %1 cuando se seleccione un modelo.</translation>
    </message>
    <message>
        <source>Computing from %1…</source>
        <translation>Calculando a partir de %1…</translation>
    </message>
    <message>
        <source>Computing from %1: %2</source>
        <translation>Calculando a partir de %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n entries over %1 chunks of %2, perplexity %3</source>
        <translation>
            <numerusform>%n entrada en %1 fragmentos de %2, perplejidad %3</numerusform>
            <numerusform>%n entradas en %1 fragmentos de %2, perplejidad %3</numerusform>
        </translation>
    </message>
    <message>
        <source> (computed before)</source>
        <translation> (calculada antes)</translation>
    </message>
    <message>
        <source> (%1 s)</source>
        <translation> (%1 s)</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Guardada como %1</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Calcular</translation>
    </message>
    <message>
        <source>Compute the importance matrix now (producing also computes it first)</source>
        <translation>Calcular ahora la matriz de importancia (si no, la producción la calcula primero)</translation>
    </message>
    <message>
        <source>Choose a calibration text for the importance matrix, or set it to None.</source>
        <translation>Elija un texto de calibración para la matriz de importancia, o elija «Ninguna».</translation>
    </message>
    <message>
        <source>Computed from %1 when you produce, or press Compute.</source>
        <translation>Se calcula a partir de %1 al producir, o pulse «Calcular».</translation>
    </message>
    <message>
        <source>Stopped. Press Compute to compute again, or set it to None.</source>
        <translation>Detenido. Pulse «Calcular» para calcular de nuevo, o elija «Ninguna».</translation>
    </message>
</context>
<context>
    <name>qf::ui::ImatrixComputeJob</name>
    <message>
        <source>chunk %1 of %2, perplexity %3</source>
        <translation>fragmento %1 de %2, perplejidad %3</translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation>leyendo %1</translation>
    </message>
    <message>
        <source>Unexpected error while computing the importance matrix: %1</source>
        <translation>Error inesperado al calcular la matriz de importancia: %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::ImatrixLoadJob</name>
    <message>
        <source>Unexpected error while reading %1: %2</source>
        <translation>Error inesperado al leer %1: %2</translation>
    </message>
</context>
<context>
    <name>qf::ui::JobQueueWidget</name>
    <message>
        <source>No jobs yet. Choose presets above and press Start (Ctrl+Enter).</source>
        <translation>Aún no hay tareas. Elija preajustes arriba y pulse Iniciar (Ctrl+Intro).</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>Quitar las terminadas</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 en curso</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 en espera</translation>
    </message>
    <message>
        <source>%1 finished</source>
        <translation>%1 terminada(s)</translation>
    </message>
</context>
<context>
    <name>qf::ui::JobRowWidget</name>
    <message>
        <source>from %1</source>
        <translation>desde %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 desde %2</translation>
    </message>
    <message>
        <source>Stop this job (Esc); nothing is left behind</source>
        <translation>Detener esta tarea (Esc); no queda nada a medias</translation>
    </message>
    <message>
        <source>Open the folder with the produced files in the file manager</source>
        <translation>Abrir la carpeta con los archivos producidos en el gestor de archivos</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Starts when the job before it has finished.</source>
        <translation>Empieza cuando termine la tarea anterior.</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>Planificando…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Done in %1</source>
        <translation>Terminado en %1</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>No se ha escrito nada.</translation>
    </message>
</context>
<context>
    <name>qf::ui::LoraMergeJob</name>
    <message>
        <source>Unknown preset %1</source>
        <translation>Preajuste desconocido %1</translation>
    </message>
    <message>
        <source>Unexpected error while merging: %1</source>
        <translation>Error inesperado al fusionar: %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::LoraMergePanel</name>
    <message>
        <source>Apply a LoRA adapter…</source>
        <translation>Aplicar un adaptador LoRA…</translation>
    </message>
    <message>
        <source>Dequantize the base to F16 first</source>
        <translation>Descuantizar primero la base a F16</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Merge a LoRA adapter (a PEFT folder or a GGUF LoRA) into this model</source>
        <translation>Fusionar un adaptador LoRA (carpeta PEFT o LoRA GGUF) en este modelo</translation>
    </message>
    <message>
        <source>PEFT Adapter Folder…</source>
        <translation>Carpeta de adaptador PEFT…</translation>
    </message>
    <message>
        <source>GGUF LoRA File…</source>
        <translation>Archivo LoRA GGUF…</translation>
    </message>
    <message>
        <source>Apply a LoRA adapter</source>
        <translation>Aplicar un adaptador LoRA</translation>
    </message>
    <message>
        <source>The base is quantized: widen it to F16, merge the adapter, then quantize once with the chosen presets</source>
        <translation>La base está cuantizada: ampliarla a F16, fusionar el adaptador y cuantizar una sola vez con los preajustes elegidos</translation>
    </message>
    <message>
        <source>Merge the adapter into the model</source>
        <translation>Fusionar el adaptador en el modelo</translation>
    </message>
    <message>
        <source>Merge progress</source>
        <translation>Progreso de la fusión</translation>
    </message>
    <message>
        <source>Cancel the merge</source>
        <translation>Cancelar la fusión</translation>
    </message>
    <message>
        <source>Merge error</source>
        <translation>Error de fusión</translation>
    </message>
    <message>
        <source>LoRA adapter</source>
        <translation>Adaptador LoRA</translation>
    </message>
    <message>
        <source>PEFT Adapter Folder (adapter_config.json + adapter_model.safetensors)</source>
        <translation>Carpeta de adaptador PEFT (adapter_config.json + adapter_model.safetensors)</translation>
    </message>
    <message>
        <source>GGUF LoRA Adapter</source>
        <translation>Adaptador LoRA GGUF</translation>
    </message>
    <message>
        <source>GGUF files (*.gguf);;All files (*)</source>
        <translation>Archivos GGUF (*.gguf);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>Ninguno elegido</translation>
    </message>
    <message>
        <source>Into the chosen presets</source>
        <translation>En los preajustes elegidos</translation>
    </message>
    <message>
        <source>The adapter could not be merged</source>
        <translation>No se pudo fusionar el adaptador</translation>
    </message>
    <message>
        <source>Choose a LoRA adapter first: a PEFT folder or a GGUF LoRA file.</source>
        <translation>Elija primero un adaptador LoRA: una carpeta PEFT o un archivo LoRA GGUF.</translation>
    </message>
    <message>
        <source>%1 exists already.</source>
        <translation>%1 ya existe.</translation>
    </message>
    <message>
        <source>Replace and Merge</source>
        <translation>Reemplazar y fusionar</translation>
    </message>
    <message>
        <source>Waiting for the running job…</source>
        <translation>Esperando al trabajo en curso…</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Fusionando…</translation>
    </message>
    <message>
        <source>Merging: %1</source>
        <translation>Fusionando: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n weight(s) merged into %1</source>
        <translation>
            <numerusform>%n peso fusionado en %1</numerusform>
            <numerusform>%n pesos fusionados en %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n quantized tensor(s) widened to F16)</source>
        <translation>
            <numerusform>(%n tensor cuantizado ampliado a F16)</numerusform>
            <numerusform>(%n tensores cuantizados ampliados a F16)</numerusform>
        </translation>
    </message>
    <message>
        <source>Dequantize and Merge</source>
        <translation>Descuantizar y fusionar</translation>
    </message>
    <message>
        <source>Merge cancelled.</source>
        <translation>Fusión cancelada.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Choose presets in the table above to quantize the merged model straight into them</source>
        <translation>Elija preajustes en la tabla de arriba para cuantizar en ellos directamente el modelo fusionado</translation>
    </message>
    <message>
        <source>Quantize the merged weights straight into %1, in one pass; otherwise the merged model keeps the base&apos;s float types</source>
        <translation>Cuantizar los pesos fusionados directamente en %1, en una pasada; si no, el modelo fusionado conserva los tipos de coma flotante de la base</translation>
    </message>
    <message>
        <source>The Adapter&apos;s Base Model Folder (config.json)</source>
        <translation>Carpeta del modelo base del adaptador (config.json)</translation>
    </message>
    <message>
        <source>Choose the Base Folder…</source>
        <translation>Elegir la carpeta base…</translation>
    </message>
</context>
<context>
    <name>qf::ui::MachineCardWidget</name>
    <message>
        <source>Machine</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <source>Unified memory (the GPU shares the RAM)</source>
        <translation>Memoria unificada (la GPU comparte la RAM)</translation>
    </message>
    <message>
        <source>Detecting this machine…</source>
        <translation>Detectando este equipo…</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <source>No GPU</source>
        <translation>Sin GPU</translation>
    </message>
    <message>
        <source>Memory of the GPUs used; for unified memory the GPU&apos;s working-set limit</source>
        <translation>Memoria de las GPU usadas; con memoria unificada, el límite del conjunto de trabajo de la GPU</translation>
    </message>
    <message>
        <source>RAM kept for the operating system and other programs</source>
        <translation>RAM reservada para el sistema operativo y otros programas</translation>
    </message>
    <message>
        <source>Plan for:</source>
        <translation>Planificar para:</translation>
    </message>
    <message>
        <source>RAM:</source>
        <translation>RAM:</translation>
    </message>
    <message>
        <source>GPU memory:</source>
        <translation>Memoria de GPU:</translation>
    </message>
    <message>
        <source>Kept for the OS:</source>
        <translation>Reservada para el SO:</translation>
    </message>
    <message>
        <source>CPU: %1, %2 threads%3</source>
        <translation>CPU: %1, %2 hilos%3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>RAM: %1 (%2 available)</source>
        <translation>RAM: %1 (%2 disponible)</translation>
    </message>
    <message>
        <source>memory not reported</source>
        <translation>memoria no indicada</translation>
    </message>
    <message>
        <source>shares RAM, up to %1</source>
        <translation>comparte la RAM, hasta %1</translation>
    </message>
    <message>
        <source>%1 VRAM</source>
        <translation>%1 de VRAM</translation>
    </message>
    <message>
        <source> (estimate)</source>
        <translation> (estimación)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>GPU: none found</source>
        <translation>GPU: no se encontró ninguna</translation>
    </message>
    <message>
        <source>GPU: %1</source>
        <translation>GPU: %1</translation>
    </message>
    <message>
        <source>Detected: %1 · %2 · %3</source>
        <translation>Detectado: %1 · %2 · %3</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Custom machine</source>
        <translation>Equipo personalizado</translation>
    </message>
    <message>
        <source>Sizes in GB of 10⁹ bytes: a card sold as 8 GB has 8.6 GB.</source>
        <translation>Tamaños en GB de 10⁹ bytes: una tarjeta vendida como de 8 GB tiene 8,6 GB.</translation>
    </message>
    <message>
        <source>%1 of GPU memory is kept for the driver and desktop (estimate).</source>
        <translation>Se reservan %1 de memoria de GPU para el controlador y el escritorio (estimación).</translation>
    </message>
    <message>
        <source>The GPU&apos;s working-set limit is Metal&apos;s default for this much RAM (estimate; sysctl iogpu.wired_limit_mb changes it).</source>
        <translation>El límite del conjunto de trabajo de la GPU es el predeterminado de Metal para esta cantidad de RAM (estimación; sysctl iogpu.wired_limit_mb lo cambia).</translation>
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
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open one or more GGUF models</source>
        <translation>Abrir uno o varios modelos GGUF</translation>
    </message>
    <message>
        <source>Open &amp;Sample Model</source>
        <translation>Abrir el modelo de &amp;ejemplo</translation>
    </message>
    <message>
        <source>&amp;Remove from List</source>
        <translation>&amp;Quitar de la lista</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;About Quantforge</source>
        <translation>&amp;Acerca de Quantforge</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;recientes</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>A job is still running. Cancel it and close Quantforge?</source>
        <translation>Todavía hay una tarea en curso. ¿Cancelarla y cerrar Quantforge?</translation>
    </message>
    <message numerus="yes">
        <source>%n jobs are still running or waiting. Cancel them and close Quantforge?</source>
        <translation>
            <numerusform>%n tarea sigue en curso o en espera. ¿Cancelarla y cerrar Quantforge?</numerusform>
            <numerusform>%n tareas siguen en curso o en espera. ¿Cancelarlas y cerrar Quantforge?</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel Running Jobs?</source>
        <translation>¿Cancelar las tareas en curso?</translation>
    </message>
    <message>
        <source>Files of cancelled jobs are not written; finished files are kept.</source>
        <translation>Los archivos de las tareas canceladas no se escriben; los terminados se conservan.</translation>
    </message>
    <message>
        <source>Cancel Jobs and Close</source>
        <translation>Cancelar tareas y cerrar</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>Seguir ejecutando</translation>
    </message>
    <message>
        <source>Reading 1 model…</source>
        <translation>Leyendo 1 modelo…</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n models…</source>
        <translation>
            <numerusform>Leyendo %n modelo…</numerusform>
            <numerusform>Leyendo %n modelos…</numerusform>
        </translation>
    </message>
    <message>
        <source>The sample model is not installed (looked in %1).</source>
        <translation>El modelo de ejemplo no está instalado (se buscó en %1).</translation>
    </message>
    <message>
        <source>Opened %1 (%2) in %3 ms</source>
        <translation>%1 (%2) abierto en %3 ms</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>No se pudo abrir %1</translation>
    </message>
    <message>
        <source>Produced %1</source>
        <translation>%1 producido</translation>
    </message>
    <message numerus="yes">
        <source>Produced %n files</source>
        <translation>
            <numerusform>%n archivo producido</numerusform>
            <numerusform>%n archivos producidos</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Models</source>
        <translation>Abrir modelos</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>Modelos GGUF (*.gguf);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>&amp;Vaciar el menú</translation>
    </message>
    <message>
        <source>%1 — Quantforge</source>
        <translation>%1 — Quantforge</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>The opened models and the files made from them</source>
        <translation>Los modelos abiertos y los archivos producidos a partir de ellos</translation>
    </message>
    <message>
        <source>Open models</source>
        <translation>Abrir modelos</translation>
    </message>
    <message>
        <source>Remove the selected model from the list</source>
        <translation>Quitar el modelo seleccionado de la lista</translation>
    </message>
    <message>
        <source>Show the %1 page</source>
        <translation>Mostrar la página «%1»</translation>
    </message>
    <message>
        <source>Start producing (Produce page)</source>
        <translation>Iniciar la producción (página «Producir»)</translation>
    </message>
    <message>
        <source>Cancel the focused job</source>
        <translation>Cancelar el trabajo con el foco</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>%1 is a LoRA adapter: open the model to merge it into first, then add the adapter again</source>
        <translation>%1 es un adaptador LoRA: abra primero el modelo en el que fusionarlo y después vuelva a añadir el adaptador</translation>
    </message>
    <message>
        <source>LoRA adapter %1 chosen: Merge puts it into %2</source>
        <translation>Adaptador LoRA %1 elegido: «Fusionar» lo incorpora a %2</translation>
    </message>
</context>
<context>
    <name>qf::ui::MixPredictJob</name>
    <message>
        <source>A custom mix is made from a GGUF file; convert this folder first.</source>
        <translation>Una mezcla a medida se hace a partir de un archivo GGUF; convierta antes esta carpeta.</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelCardWidget</name>
    <message>
        <source>Architecture</source>
        <translation>Arquitectura</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Capas</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>Cabezas de atención</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>Embedding</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Vocabulario</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>Tipo de archivo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation>Bits por peso</translation>
    </message>
    <message>
        <source>Bytes by tensor type</source>
        <translation>Bytes por tipo de tensor</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n shards)</source>
        <translation>
            <numerusform>%1 (%n fragmento)</numerusform>
            <numerusform>%1 (%n fragmentos)</numerusform>
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
        <translation>%1, %2 expertos</translation>
    </message>
    <message>
        <source>%1 (feed-forward %2)</source>
        <translation>%1 (feed-forward %2)</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 bytes in the file, %2 bytes of tensor data</source>
        <translation>%1 bytes en el archivo, %2 bytes de datos de tensores</translation>
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
        <translation>1 tensor</translation>
    </message>
    <message numerus="yes">
        <source>%n tensors</source>
        <translation>
            <numerusform>%n tensor</numerusform>
            <numerusform>%n tensores</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · Hugging Face folder, read as F16</source>
        <translation>%1 · carpeta de Hugging Face, leída como F16</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelCopyJob</name>
    <message>
        <source>Unexpected error while copying: %1</source>
        <translation>Error inesperado al copiar: %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelListModel</name>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>Mezcla a medida</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelLoadJob</name>
    <message>
        <source>Unexpected error while reading %1: %2</source>
        <translation>Error inesperado al leer %1: %2</translation>
    </message>
</context>
<context>
    <name>qf::ui::OverviewPage</name>
    <message>
        <source>Filter tensors by name, e.g. attn_k or blk.0.</source>
        <translation>Filtrar tensores por nombre, p. ej. attn_k o blk.0.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>1 tensor</source>
        <translation>1 tensor</translation>
    </message>
    <message numerus="yes">
        <source>%n tensors</source>
        <translation>
            <numerusform>%n tensor</numerusform>
            <numerusform>%n tensores</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of 1 tensor</source>
        <translation>%1 de 1 tensor</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n tensors</source>
        <translation>
            <numerusform>%1 de %n tensor</numerusform>
            <numerusform>%1 de %n tensores</numerusform>
        </translation>
    </message>
    <message>
        <source>A Hugging Face folder is not a GGUF file: produce a quant from it on the Produce page, then export the quant.</source>
        <translation>Una carpeta de Hugging Face no es un archivo GGUF: produzca un cuantizado a partir de ella en la página Producir y luego exporte ese cuantizado.</translation>
    </message>
    <message>
        <source>Tensor filter</source>
        <translation>Filtro de tensores</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>Tensores</translation>
    </message>
</context>
<context>
    <name>qf::ui::PresetPlanJob</name>
    <message>
        <source>%1 stores the experts of a mixture-of-experts model as MXFP4; this model has none, so every tensor is Q8_0, as with the Q8_0 preset.</source>
        <translation>%1 guarda los expertos de un modelo de mezcla de expertos en MXFP4; este modelo no tiene, así que cada tensor es Q8_0, como con el preajuste Q8_0.</translation>
    </message>
    <message numerus="yes">
        <source>%n of the importance matrix&apos;s entries name no tensor of this model (e.g. %1); they are not used. Was it made for another model?</source>
        <translation>
            <numerusform>%n entrada de la matriz de importancia no nombra ningún tensor de este modelo (p. ej. %1); no se usa. ¿Se hizo para otro modelo?</numerusform>
            <numerusform>%n entradas de la matriz de importancia no nombran ningún tensor de este modelo (p. ej. %1); no se usan. ¿Se hizo para otro modelo?</numerusform>
        </translation>
    </message>
    <message>
        <source>No entry of the importance matrix names a tensor of this model: quantizing without it.</source>
        <translation>Ninguna entrada de la matriz de importancia nombra un tensor de este modelo: se cuantiza sin ella.</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) have rows that do not fit the wanted type&apos;s blocks and use a fallback type.</source>
        <translation>
            <numerusform>%n tensor tiene filas que no encajan en los bloques del tipo deseado y usa un tipo alternativo.</numerusform>
            <numerusform>%n tensores tienen filas que no encajan en los bloques del tipo deseado y usan un tipo alternativo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The importance matrix has no entry for %n quantized tensor(s), e.g. %1; they are quantized without it.</source>
        <translation>
            <numerusform>La matriz de importancia no tiene entrada para %n tensor cuantizado, p. ej. %1; se cuantiza sin ella.</numerusform>
            <numerusform>La matriz de importancia no tiene entrada para %n tensores cuantizados, p. ej. %1; se cuantizan sin ella.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qf::ui::PresetTableModel</name>
    <message>
        <source>The model already is %1: this would only copy it.</source>
        <translation>El modelo ya es %1: solo se copiaría.</translation>
    </message>
    <message>
        <source>Cannot be made from this model: %1</source>
        <translation>No se puede producir a partir de este modelo: %1</translation>
    </message>
    <message>
        <source>%1 bytes, exactly</source>
        <translation>exactamente %1 bytes</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Preajuste</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>Bits/peso</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Same file as %1 on this model: its rows do not fit this preset&apos;s blocks (%2).</source>
        <translation>El mismo archivo que %1 en este modelo: sus filas no encajan en los bloques de este preajuste (%2).</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) use a fallback type: %1.</source>
        <translation>
            <numerusform>%n tensor usa un tipo alternativo: %1.</numerusform>
            <numerusform>%n tensores usan un tipo alternativo: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Needs an importance matrix: check it to compute one from text, or choose one below.</source>
        <translation>Necesita una matriz de importancia: márquelo para calcular una a partir de un texto, o elija una abajo.</translation>
    </message>
    <message>
        <source>Same file as %1 on this model: every tensor gets the same type.</source>
        <translation>En este modelo, el mismo archivo que %1: cada tensor recibe el mismo tipo.</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>unos %1</translation>
    </message>
    <message>
        <source>%1 bytes, and the importance matrix&apos;s name, its text&apos;s name and two counts in the metadata (a few hundred bytes more)</source>
        <translation>%1 bytes, más en los metadatos el nombre de la matriz de importancia, el de su texto y dos recuentos (unos cientos de bytes más)</translation>
    </message>
</context>
<context>
    <name>qf::ui::PresetText</name>
    <message>
        <source>32-bit floats: exact, four times the size of 8-bit</source>
        <translation>flotantes de 32 bits: exacto, cuatro veces el tamaño de 8 bits</translation>
    </message>
    <message>
        <source>16-bit floats: the usual unquantized model</source>
        <translation>flotantes de 16 bits: el modelo sin cuantizar habitual</translation>
    </message>
    <message>
        <source>bfloat16: the range of F32 at half its size, unquantized</source>
        <translation>bfloat16: el rango de F32 a la mitad de su tamaño, sin cuantizar</translation>
    </message>
    <message>
        <source>8-bit: nearly indistinguishable from F16, half its size</source>
        <translation>8 bits: casi indistinguible de F16, la mitad de tamaño</translation>
    </message>
    <message>
        <source>6-bit K-quant: very close to F16</source>
        <translation>K-quant de 6 bits: muy cercano a F16</translation>
    </message>
    <message>
        <source>5-bit K-quant, with 6-bit for half of attn_v and ffn_down: high quality</source>
        <translation>K-quant de 5 bits, con 6 bits para la mitad de attn_v y ffn_down: alta calidad</translation>
    </message>
    <message>
        <source>5-bit K-quant throughout: high quality, a little smaller</source>
        <translation>K-quant de 5 bits en todo: alta calidad, algo más pequeño</translation>
    </message>
    <message>
        <source>legacy 5-bit with offsets: superseded by Q5_K_M</source>
        <translation>5 bits heredado con desplazamientos: sustituido por Q5_K_M</translation>
    </message>
    <message>
        <source>legacy 5-bit: superseded by Q5_K_S</source>
        <translation>5 bits heredado: sustituido por Q5_K_S</translation>
    </message>
    <message>
        <source>4-bit K-quant, with 6-bit for half of attn_v and ffn_down: the usual balance of size and quality</source>
        <translation>K-quant de 4 bits, con 6 bits para la mitad de attn_v y ffn_down: el equilibrio habitual entre tamaño y calidad</translation>
    </message>
    <message>
        <source>4-bit K-quant, a few 5-bit tensors: smaller, a bit worse</source>
        <translation>K-quant de 4 bits, algunos tensores de 5 bits: más pequeño, algo peor</translation>
    </message>
    <message>
        <source>legacy 4-bit with offsets: superseded by Q4_K_M</source>
        <translation>4 bits heredado con desplazamientos: sustituido por Q4_K_M</translation>
    </message>
    <message>
        <source>4-bit non-linear, blocks of 32: Q4_0&apos;s size with better quality</source>
        <translation>4 bits no lineal, bloques de 32: el tamaño de Q4_0 con mejor calidad</translation>
    </message>
    <message>
        <source>legacy 4-bit: fast on many back ends, lower quality</source>
        <translation>4 bits heredado: rápido en muchos motores, menor calidad</translation>
    </message>
    <message>
        <source>4.25-bit non-linear: close to Q4_K_S quality, smaller</source>
        <translation>4,25 bits no lineal: cerca de la calidad de Q4_K_S, más pequeño</translation>
    </message>
    <message>
        <source>3-bit K-quant, 5-bit attn_v, attn_output and ffn_down: the best 3-bit</source>
        <translation>K-quant de 3 bits, 5 bits para attn_v, attn_output y ffn_down: el mejor de 3 bits</translation>
    </message>
    <message>
        <source>3-bit K-quant, 4/5-bit for sensitive tensors</source>
        <translation>K-quant de 3 bits, 4/5 bits para los tensores sensibles</translation>
    </message>
    <message>
        <source>3-bit K-quant throughout: small, noticeable loss</source>
        <translation>K-quant de 3 bits en todo: pequeño, pérdida apreciable</translation>
    </message>
    <message>
        <source>mixture-of-experts only: experts in MXFP4 (4-bit floats, as gpt-oss ships), the rest 8-bit</source>
        <translation>solo mezcla de expertos: expertos en MXFP4 (flotantes de 4 bits, como se publica gpt-oss), el resto en 8 bits</translation>
    </message>
    <message>
        <source>3.4-bit codebook quant, 4-bit attention: about Q3_K_M quality, smaller; best with an imatrix</source>
        <translation>cuantización de libro de códigos de 3,4 bits, atención en 4 bits: calidad similar a Q3_K_M, más pequeño; mejor con matriz de importancia</translation>
    </message>
    <message>
        <source>3.4-bit codebook quant: better than Q3_K_S at its size; best with an imatrix</source>
        <translation>cuantización de libro de códigos de 3,4 bits: mejor que Q3_K_S a su tamaño; mejor con matriz de importancia</translation>
    </message>
    <message>
        <source>3.3-bit codebook mix: needs an imatrix; a little smaller than IQ3_S</source>
        <translation>mezcla de libro de códigos de 3,3 bits: necesita matriz de importancia; algo más pequeño que IQ3_S</translation>
    </message>
    <message>
        <source>3.06-bit codebook quant: needs an imatrix; near Q3_K_S quality at Q2_K&apos;s size</source>
        <translation>cuantización de libro de códigos de 3,06 bits: necesita matriz de importancia; calidad cercana a Q3_K_S con el tamaño de Q2_K</translation>
    </message>
    <message>
        <source>2-bit K-quant with 3-bit for sensitive tensors: smallest K-quant, large loss</source>
        <translation>K-quant de 2 bits con 3 bits para tensores sensibles: el K-quant más pequeño, gran pérdida</translation>
    </message>
    <message>
        <source>2-bit K-quant, fewer 3/4-bit tensors: needs an imatrix; IQ2_M is better at its size</source>
        <translation>K-quant de 2 bits, menos tensores de 3/4 bits: necesita matriz de importancia; IQ2_M es mejor a su tamaño</translation>
    </message>
    <message>
        <source>2.7-bit codebook mix: needs an imatrix; the usable floor for big models on small machines</source>
        <translation>mezcla de libro de códigos de 2,7 bits: necesita matriz de importancia; el mínimo utilizable para modelos grandes en máquinas pequeñas</translation>
    </message>
    <message>
        <source>2.5-bit codebook mix: needs an imatrix; clearly worse than IQ2_M</source>
        <translation>mezcla de libro de códigos de 2,5 bits: necesita matriz de importancia; claramente peor que IQ2_M</translation>
    </message>
    <message>
        <source>2.3-bit codebook quant: needs an imatrix; large loss</source>
        <translation>cuantización de libro de códigos de 2,3 bits: necesita matriz de importancia; gran pérdida</translation>
    </message>
    <message>
        <source>2.06-bit codebook quant: needs an imatrix; large loss, only for very large models</source>
        <translation>cuantización de libro de códigos de 2,06 bits: necesita matriz de importancia; gran pérdida, solo para modelos muy grandes</translation>
    </message>
    <message>
        <source>1.75-bit: needs an imatrix; severe loss, a last resort for huge models</source>
        <translation>1,75 bits: necesita matriz de importancia; pérdida severa, último recurso para modelos enormes</translation>
    </message>
    <message>
        <source>1.56-bit: needs an imatrix; severe loss, mostly an experiment</source>
        <translation>1,56 bits: necesita matriz de importancia; pérdida severa, sobre todo un experimento</translation>
    </message>
    <message>
        <source>2-bit levels -1..2 per 64 values: only for models trained for it; unusable on ordinary models</source>
        <translation>niveles de 2 bits -1..2 por cada 64 valores: solo para modelos entrenados para ello; inutilizable en modelos corrientes</translation>
    </message>
    <message>
        <source>ternary, 2 bits per weight: only for ternary-trained models (BitNet b1.58, TriLM)</source>
        <translation>ternario, 2 bits por peso: solo para modelos entrenados en ternario (BitNet b1.58, TriLM)</translation>
    </message>
    <message>
        <source>ternary, 1.69 bits per weight: only for ternary-trained models (BitNet b1.58, TriLM)</source>
        <translation>ternario, 1,69 bits por peso: solo para modelos entrenados en ternario (BitNet b1.58, TriLM)</translation>
    </message>
    <message>
        <source>1-bit signs per 128 values: only for models trained for it; unusable on ordinary models</source>
        <translation>signos de 1 bit por cada 128 valores: solo para modelos entrenados para ello; inutilizable en modelos corrientes</translation>
    </message>
</context>
<context>
    <name>qf::ui::ProducePage</name>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Produce the chosen presets in one pass over the model (Ctrl+Enter)</source>
        <translation>Producir los preajustes elegidos en una sola pasada por el modelo (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Beside Model</source>
        <translation>Junto al modelo</translation>
    </message>
    <message>
        <source>Write new files into the folder of the model they are made from</source>
        <translation>Escribir los archivos nuevos en la carpeta del modelo del que se producen</translation>
    </message>
    <message>
        <source>of %1 on this machine</source>
        <translation>de %1 en este equipo</translation>
    </message>
    <message>
        <source>&amp;Importance matrix:</source>
        <translation>Matriz de &amp;importancia:</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>Carpeta de &amp;salida:</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Hilos:</translation>
    </message>
    <message>
        <source>Produce</source>
        <translation>Producir</translation>
    </message>
    <message>
        <source>Beside the model</source>
        <translation>Junto al modelo</translation>
    </message>
    <message>
        <source>Output Folder for New Quants</source>
        <translation>Carpeta de salida para las nuevas cuantizaciones</translation>
    </message>
    <message>
        <source>%1 is already quantized</source>
        <translation>%1 ya está cuantizado</translation>
    </message>
    <message>
        <source>Quantizing a quantized model again loses quality, so no preset is offered for it. Open the F16, BF16 or F32 original of this model and produce from that.

%1</source>
        <translation>Volver a cuantizar un modelo ya cuantizado pierde calidad, por lo que no se ofrece ningún preajuste. Abra el original F16, BF16 o F32 de este modelo y produzca a partir de él.

%1</translation>
    </message>
    <message>
        <source>No preset can be made from this model</source>
        <translation>No se puede producir ningún preajuste a partir de este modelo</translation>
    </message>
    <message>
        <source>Select a model in the list first.</source>
        <translation>Seleccione primero un modelo de la lista.</translation>
    </message>
    <message>
        <source>Working out the sizes…</source>
        <translation>Calculando los tamaños…</translation>
    </message>
    <message>
        <source>Nothing can be produced from this model (see above).</source>
        <translation>No se puede producir nada a partir de este modelo (véase arriba).</translation>
    </message>
    <message>
        <source>Choose one or more presets above.</source>
        <translation>Elija uno o varios preajustes arriba.</translation>
    </message>
    <message>
        <source>%1 is already being produced by a job in the queue.</source>
        <translation>%1 ya se está produciendo en una tarea de la cola.</translation>
    </message>
    <message>
        <source>The output folder %1 does not exist.</source>
        <translation>La carpeta de salida %1 no existe.</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 archivo</translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 in total, into %3</source>
        <translation>%1, %2 en total, en %3</translation>
    </message>
    <message>
        <source>%1 already exists in %2. Replace it?</source>
        <translation>%1 ya existe en %2. ¿Reemplazarlo?</translation>
    </message>
    <message>
        <source>These files already exist in %1:

%2

Replace them?</source>
        <translation>Estos archivos ya existen en %1:

%2

¿Reemplazarlos?</translation>
    </message>
    <message>
        <source>Replace Existing Files?</source>
        <translation>¿Reemplazar los archivos existentes?</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Preajustes</translation>
    </message>
    <message>
        <source>Start producing the chosen presets</source>
        <translation>Empezar a producir los preajustes elegidos</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Carpeta de salida</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Elegir la carpeta de salida</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Hilos</translation>
    </message>
    <message>
        <source>Producing starts when the importance matrix is computed.</source>
        <translation>La producción empieza cuando la matriz de importancia esté calculada.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message numerus="yes">
        <source>The other %n file(s) are new.</source>
        <translation>
            <numerusform>%n archivo más es nuevo.</numerusform>
            <numerusform>%n archivos más son nuevos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Skip Existing</source>
        <translation>Omitir existentes</translation>
    </message>
    <message>
        <source>Nothing produced: the existing files were kept.</source>
        <translation>No se ha producido nada: se conservan los archivos existentes.</translation>
    </message>
    <message>
        <source>%1 needs an importance matrix: choose one, or compute one from text.</source>
        <translation>%1 necesita una matriz de importancia: elija una o calcule una a partir de un texto.</translation>
    </message>
    <message>
        <source>Measures how sensitive each tensor is (cached), chooses a type per tensor within the budget, and writes the file</source>
        <translation>Mide la sensibilidad de cada tensor (en caché), elige un tipo por tensor dentro del presupuesto y escribe el archivo</translation>
    </message>
    <message>
        <source>Custom mix within %1 (from Recommend)</source>
        <translation>Mezcla a medida dentro de %1 (desde Recomendar)</translation>
    </message>
    <message>
        <source>Custom mix (%1)</source>
        <translation>Mezcla a medida (%1)</translation>
    </message>
    <message>
        <source>Split into parts of at most</source>
        <translation>Dividir en partes de como máximo</translation>
    </message>
    <message>
        <source>Writes each file as name-00001-of-0000N.gguf parts, as llama.cpp&apos;s gguf-split does; llama.cpp and Quantforge open the first part as the whole model</source>
        <translation>Escribe cada archivo en partes name-00001-of-0000N.gguf, como gguf-split de llama.cpp; llama.cpp y Quantforge abren la primera parte como el modelo completo</translation>
    </message>
    <message>
        <source>Largest part in GB</source>
        <translation>Parte más grande en GB</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Large files:</source>
        <translation>Archivos grandes:</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>unos %1</translation>
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
        <translation>Error inesperado al cuantizar: %1</translation>
    </message>
    <message>
        <source>Custom mix: %1</source>
        <translation>Mezcla a medida: %1</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>Mezcla a medida</translation>
    </message>
    <message>
        <source>Measuring sensitivity: %1</source>
        <translation>Midiendo la sensibilidad: %1</translation>
    </message>
    <message>
        <source>Checking the source (sha256 for the reproducibility record)</source>
        <translation>Comprobando el origen (sha256 para el registro de reproducibilidad)</translation>
    </message>
    <message>
        <source>The files were written, but not the reproducibility record: %1</source>
        <translation>Los archivos se escribieron, pero no el registro de reproducibilidad: %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::RecommendPage</name>
    <message>
        <source>Produce Selected</source>
        <translation>Producir la selección</translation>
    </message>
    <message>
        <source>Open the Produce page with the checked presets</source>
        <translation>Abrir la página Producir con los preajustes marcados</translation>
    </message>
    <message>
        <source>F16 (default)</source>
        <translation>F16 (predeterminado)</translation>
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
        <translation>--cache-type-k/-v de llama.cpp: una caché KV cuantizada necesita menos memoria</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Contexto:</translation>
    </message>
    <message>
        <source>KV cache:</source>
        <translation>Caché KV:</translation>
    </message>
    <message>
        <source>Recommend</source>
        <translation>Recomendación</translation>
    </message>
    <message>
        <source>Planning every preset for %1…</source>
        <translation>Planificando todos los preajustes para %1…</translation>
    </message>
    <message>
        <source>Cannot recommend for this model: %1</source>
        <translation>No se puede recomendar para este modelo: %1</translation>
    </message>
    <message>
        <source>Detecting this machine…</source>
        <translation>Detectando este equipo…</translation>
    </message>
    <message>
        <source>Open a model to see which preset suits this machine.</source>
        <translation>Abra un modelo para ver qué preajuste conviene a este equipo.</translation>
    </message>
    <message>
        <source>Recommended: %1</source>
        <translation>Recomendado: %1</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 tokens</translation>
    </message>
    <message>
        <source>Produce %1 Selected</source>
        <translation>Producir los %1 seleccionados</translation>
    </message>
    <message>
        <source>Presets for this machine</source>
        <translation>Preajustes para este equipo</translation>
    </message>
    <message>
        <source>Nothing fits</source>
        <translation>Nada cabe</translation>
    </message>
    <message>
        <source>No preset can be made from this file</source>
        <translation>No se puede producir ningún preajuste a partir de este archivo</translation>
    </message>
    <message>
        <source>%1, fully on the GPU</source>
        <translation>%1, completamente en la GPU</translation>
    </message>
    <message>
        <source>%1, %2 of %3 layers on the GPU</source>
        <translation>%1, %2 de %3 capas en la GPU</translation>
    </message>
    <message>
        <source>%1, on the CPU</source>
        <translation>%1, en la CPU</translation>
    </message>
    <message>
        <source>Expected quality: %1.</source>
        <translation>Calidad esperada: %1.</translation>
    </message>
    <message>
        <source>Fit This Machine</source>
        <translation>Ajustar a este equipo</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>The custom mix&apos;s whole file size; by default what fits this machine at this context</source>
        <translation>El tamaño total del archivo de la mezcla; por defecto, lo que cabe en este equipo con este contexto</translation>
    </message>
    <message>
        <source>Make the budget what fits this machine at this context again</source>
        <translation>Volver a fijar el presupuesto en lo que cabe en este equipo con este contexto</translation>
    </message>
    <message>
        <source>Custom mix budget:</source>
        <translation>Presupuesto de la mezcla:</translation>
    </message>
    <message>
        <source>Measure Sensitivity</source>
        <translation>Medir la sensibilidad</translation>
    </message>
    <message>
        <source>Stop Measuring</source>
        <translation>Detener la medición</translation>
    </message>
    <message>
        <source>Made from GGUF files only</source>
        <translation>Solo a partir de archivos GGUF</translation>
    </message>
    <message>
        <source>Measuring sensitivity…</source>
        <translation>Midiendo la sensibilidad…</translation>
    </message>
    <message>
        <source>Measuring sensitivity… %1 %</source>
        <translation>Midiendo la sensibilidad… %1 %</translation>
    </message>
    <message>
        <source>Not measured yet: Measure Sensitivity predicts its quality</source>
        <translation>Aún sin medir: Medir la sensibilidad predice su calidad</translation>
    </message>
    <message>
        <source>Measuring stopped: Measure Sensitivity starts again</source>
        <translation>Medición detenida: Medir la sensibilidad vuelve a empezar</translation>
    </message>
    <message>
        <source>Predicting…</source>
        <translation>Prediciendo…</translation>
    </message>
    <message>
        <source>Not measured yet</source>
        <translation>Aún no medido</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenido</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>qf::ui::RecommendPhrase</name>
    <message>
        <source>%1 of KV cache (%2, %3 tokens)</source>
        <translation>%1 de caché KV (%2, %3 tokens)</translation>
    </message>
    <message>
        <source>%1 of weights, %2 and about %3 of compute buffer make %4</source>
        <translation>%1 de pesos, %2 y unos %3 de búfer de cálculo suman %4</translation>
    </message>
    <message>
        <source>the %1 the GPU may use of unified memory (working-set limit %2, %3 of RAM minus %4 for the OS)</source>
        <translation>los %1 de memoria unificada que puede usar la GPU (límite del conjunto de trabajo %2, %3 de RAM menos %4 para el SO)</translation>
    </message>
    <message>
        <source>the %1 the GPU may use of unified memory (estimated working-set limit %2, %3 of RAM minus %4 for the OS)</source>
        <translation>los %1 de memoria unificada que puede usar la GPU (límite estimado del conjunto de trabajo %2, %3 de RAM menos %4 para el SO)</translation>
    </message>
    <message>
        <source>the %1 usable on the GPU (%2 minus %3 for the driver and desktop)</source>
        <translation>los %1 utilizables en la GPU (%2 menos %3 para el controlador y el escritorio)</translation>
    </message>
    <message>
        <source>the %1 of RAM usable (%2 minus %3 kept for the OS)</source>
        <translation>los %1 de RAM utilizables (%2 menos %3 reservados para el SO)</translation>
    </message>
    <message>
        <source>%1 fits fully on the GPU: %2, within %3; the token embedding (%4) stays in system RAM.</source>
        <translation>%1 cabe entero en la GPU: %2, dentro de %3; la incrustación de tokens (%4) queda en la RAM del sistema.</translation>
    </message>
    <message>
        <source>%1 runs from system RAM: %2, within %3.</source>
        <translation>%1 se ejecuta desde la RAM del sistema: %2, dentro de %3.</translation>
    </message>
    <message>
        <source>Q4_K_M cannot be made from this file%1</source>
        <translation>Q4_K_M no se puede crear a partir de este archivo%1</translation>
    </message>
    <message>
        <source>Q4_K_M is the usual balance of size and quality%1</source>
        <translation>Q4_K_M es el equilibrio habitual entre tamaño y calidad%1</translation>
    </message>
    <message>
        <source>Started from Q4_K_M, the usual balance of size and quality, and went up while it still fit%1</source>
        <translation>Se partió de Q4_K_M, el equilibrio habitual entre tamaño y calidad, y se subió mientras cabía%1</translation>
    </message>
    <message>
        <source>; %1 would need %2.</source>
        <translation>; %1 necesitaría %2.</translation>
    </message>
    <message>
        <source>; Q8_0 is the top of the usual range (F16 doubles the size for no measurable gain).</source>
        <translation>; Q8_0 es lo más alto del rango habitual (F16 duplica el tamaño sin ganancia medible).</translation>
    </message>
    <message>
        <source>.</source>
        <translation>.</translation>
    </message>
    <message>
        <source>On the CPU speed falls with size: Q4_K_M would generate about %1x as fast.</source>
        <translation>En la CPU la velocidad baja con el tamaño: Q4_K_M generaría unas %1 veces más rápido.</translation>
    </message>
    <message>
        <source>%1 would need %2, more than %3.</source>
        <translation>%1 necesitaría %2, más que %3.</translation>
    </message>
    <message>
        <source>Among the 4-bit presets it is the best that fits; Q4_K_M with part of its layers on the GPU would be slower.</source>
        <translation>Entre los preajustes de 4 bits es el mejor que cabe; Q4_K_M con parte de sus capas en la GPU sería más lento.</translation>
    </message>
    <message>
        <source>Among the 4-bit presets it is the best that fits.</source>
        <translation>Entre los preajustes de 4 bits es el mejor que cabe.</translation>
    </message>
    <message>
        <source>%1 needs %2 to run fully on the GPU with this context, more than %3. So %4 of its %5 layers go to the GPU (%6 there) and the rest run from system RAM (%7 of %8 usable).</source>
        <translation>%1 necesita %2 para ejecutarse entero en la GPU con este contexto, más que %3. Así que %4 de sus %5 capas van a la GPU (%6 allí) y el resto se ejecuta desde la RAM del sistema (%7 de %8 utilizables).</translation>
    </message>
    <message>
        <source>Not one layer of %1 fits in %2, so it runs from system RAM: %3, within %4.</source>
        <translation>Ni una capa de %1 cabe en %2, así que se ejecuta desde la RAM del sistema: %3, dentro de %4.</translation>
    </message>
    <message>
        <source>Higher presets would leave more layers on the CPU and run slower.</source>
        <translation>Preajustes más altos dejarían más capas en la CPU y serían más lentos.</translation>
    </message>
    <message>
        <source>%1 would fit fully on the GPU and run faster, but it is below 4 bits.</source>
        <translation>%1 cabría entero en la GPU y sería más rápido, pero está por debajo de 4 bits.</translation>
    </message>
    <message>
        <source>fully on the GPU</source>
        <translation>entero en la GPU</translation>
    </message>
    <message>
        <source>with %1 of %2 layers on the GPU</source>
        <translation>con %1 de %2 capas en la GPU</translation>
    </message>
    <message>
        <source>from system RAM</source>
        <translation>desde la RAM del sistema</translation>
    </message>
    <message>
        <source>Even %1 does not fit: it needs %2 with this context, more than the %3 usable. %4 is the largest preset that does, %5 (%6 needed).</source>
        <translation>Ni siquiera %1 cabe: necesita %2 con este contexto, más que los %3 utilizables. %4 es el preajuste más grande que cabe, %5 (%6 necesarios).</translation>
    </message>
    <message>
        <source>%1 is below 4 bits per weight: expect a clear loss of quality. When quality matters, a smaller model at Q4_K_M or higher is usually the better choice.</source>
        <translation>%1 está por debajo de 4 bits por peso: espere una clara pérdida de calidad. Si la calidad importa, un modelo más pequeño en Q4_K_M o superior suele ser mejor opción.</translation>
    </message>
    <message>
        <source>%1 needs an importance matrix: compute one from calibration text (quantforge-cli imatrix) before producing it.</source>
        <translation>%1 necesita una matriz de importancia: calcule una a partir de un texto de calibración (página Producir o quantforge-cli imatrix) antes de producirlo.</translation>
    </message>
    <message>
        <source>Even the smallest preset, %1, needs %2 with a %3-token context (%4 of it KV cache), more than the %5 this machine has usable.</source>
        <translation>Incluso el preajuste más pequeño, %1, necesita %2 con un contexto de %3 tokens (%4 de ello caché KV), más que los %5 utilizables en esta máquina.</translation>
    </message>
    <message>
        <source>Even the smallest preset, %1, needs %2 with a %3-token context (%4 of it KV cache), more than the %5 this machine has usable in RAM and GPU memory together.</source>
        <translation>Incluso el preajuste más pequeño, %1, necesita %2 con un contexto de %3 tokens (%4 de ello caché KV), más que los %5 utilizables en esta máquina entre RAM y memoria de GPU.</translation>
    </message>
    <message>
        <source>No presets.</source>
        <translation>No hay preajustes.</translation>
    </message>
    <message>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>With a context of %1 tokens, %2 would fit.</source>
        <translation>Con un contexto de %1 tokens, %2 cabría.</translation>
    </message>
    <message>
        <source>With a context of %1 tokens, %2 would fit fully on the GPU.</source>
        <translation>Con un contexto de %1 tokens, %2 cabría entero en la GPU.</translation>
    </message>
    <message>
        <source>With a context of %1 tokens, %2 would fit in RAM.</source>
        <translation>Con un contexto de %1 tokens, %2 cabría en la RAM.</translation>
    </message>
    <message>
        <source>With a %1 KV cache (%2 instead of %3), %4 would fit.</source>
        <translation>Con una caché KV %1 (%2 en vez de %3), %4 cabría.</translation>
    </message>
    <message>
        <source>With a %1 KV cache (%2 instead of %3), %4 would fit fully on the GPU.</source>
        <translation>Con una caché KV %1 (%2 en vez de %3), %4 cabría entero en la GPU.</translation>
    </message>
    <message>
        <source>With a %1 KV cache (%2 instead of %3), %4 would fit in RAM.</source>
        <translation>Con una caché KV %1 (%2 en vez de %3), %4 cabría en la RAM.</translation>
    </message>
    <message>
        <source>A GPU with %1 of memory would hold %2 completely.</source>
        <translation>Una GPU con %1 de memoria contendría %2 entero.</translation>
    </message>
    <message>
        <source>A smaller model would fit: about %1 B parameters at %2 with this context (this one has %3 B).</source>
        <translation>Cabría un modelo más pequeño: unos %1 B de parámetros en %2 con este contexto (este tiene %3 B).</translation>
    </message>
    <message>
        <source>The context (%1 tokens) is longer than the model was trained for (%2 tokens).</source>
        <translation>El contexto (%1 tokens) es más largo que aquel con el que se entrenó el modelo (%2 tokens).</translation>
    </message>
</context>
<context>
    <name>qf::ui::RecommendTableModel</name>
    <message>
        <source>Fits on GPU</source>
        <translation>Cabe en la GPU</translation>
    </message>
    <message>
        <source>Partial: %1 of %2 layers on GPU</source>
        <translation>Parcial: %1 de %2 capas en la GPU</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>Solo CPU</translation>
    </message>
    <message>
        <source>Does not fit</source>
        <translation>No cabe</translation>
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
        <translation>desconocido</translation>
    </message>
    <message>
        <source>lossless (unquantized)</source>
        <translation>sin pérdida (sin cuantizar)</translation>
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
        <translation>%1 (medido)</translation>
    </message>
    <message>
        <source>Cannot be made</source>
        <translation>No se puede producir</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Exact file size: %1 bytes, %2 bits per weight</source>
        <translation>Tamaño exacto del archivo: %1 bytes, %2 bits por peso</translation>
    </message>
    <message>
        <source>Weights %1 (exact) + KV cache %2 (exact) + compute buffer about %3 (estimate) = %4</source>
        <translation>Pesos %1 (exacto) + caché KV %2 (exacto) + búfer de cálculo de unos %3 (estimación) = %4</translation>
    </message>
    <message>
        <source>Estimate: tokens per second relative to this model&apos;s F16 weights read from system RAM (memory-bandwidth model)</source>
        <translation>Estimación: tokens por segundo respecto a los pesos F16 de este modelo leídos de la RAM del sistema (modelo de ancho de banda de memoria)</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Preajuste</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Tamaño del archivo</translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation>Memoria necesaria</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Cabe</translation>
    </message>
    <message>
        <source>Expected quality</source>
        <translation>Calidad esperada</translation>
    </message>
    <message>
        <source>Speed (est.)</source>
        <translation>Velocidad (est.)</translation>
    </message>
    <message>
        <source>Exact: from the quantization plan</source>
        <translation>Exacto: según el plan de cuantización</translation>
    </message>
    <message>
        <source>Weights and KV cache are exact; the compute buffer is an estimate</source>
        <translation>Los pesos y la caché KV son exactos; el búfer de cálculo es una estimación</translation>
    </message>
    <message>
        <source>Measured on this model when available; otherwise the typical value for the preset (an estimate)</source>
        <translation>Medida en este modelo si está disponible; si no, el valor típico del preajuste (estimación)</translation>
    </message>
    <message>
        <source>Estimated tokens per second relative to F16 read from system RAM</source>
        <translation>Tokens por segundo estimados respecto a F16 leído de la RAM del sistema</translation>
    </message>
    <message>
        <source>lossless</source>
        <translation>sin pérdida</translation>
    </message>
    <message>
        <source>near-lossless</source>
        <translation>casi sin pérdida</translation>
    </message>
    <message>
        <source>very good</source>
        <translation>muy buena</translation>
    </message>
    <message>
        <source>reduced</source>
        <translation>reducida</translation>
    </message>
    <message>
        <source>low</source>
        <translation>baja</translation>
    </message>
    <message>
        <source>%1 · ΔPPL within ± %2 %</source>
        <translation>%1 · ΔPPL dentro de ± %2 %</translation>
    </message>
    <message>
        <source>%1 (est. from this model)</source>
        <translation>%1 (est. a partir de este modelo)</translation>
    </message>
    <message>
        <source>%1 (typical, est.)</source>
        <translation>%1 (típico, est.)</translation>
    </message>
    <message>
        <source>Measured on this model: %1</source>
        <translation>Medido en este modelo: %1</translation>
    </message>
    <message>
        <source>Estimated from what was measured on this model (interpolated along bits per weight); evaluate this preset to measure it.</source>
        <translation>Estimado a partir de lo medido en este modelo (interpolado según los bits por peso); evalúe este preajuste para medirlo.</translation>
    </message>
    <message>
        <source>Typical value on a small reference model (llama.cpp&apos;s perplexity and KL divergence); an estimate: evaluate quants on the Compare page to measure this model.</source>
        <translation>Valor típico en un pequeño modelo de referencia (perplejidad y divergencia KL de llama.cpp); una estimación: evalúe cuantizaciones en la página «Comparar» para medir este modelo.</translation>
    </message>
    <message>
        <source>%1 (= %2)</source>
        <translation>%1 (= %2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n fallback(s))</source>
        <translation>
            <numerusform>%1 (%n alternativo)</numerusform>
            <numerusform>%1 (%n alternativos)</numerusform>
        </translation>
    </message>
    <message>
        <source>Same file as %1 on this model: its rows do not fit this preset&apos;s blocks (%2).</source>
        <translation>El mismo archivo que %1 en este modelo: sus filas no encajan en los bloques de este preajuste (%2).</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) use a fallback type: %1.</source>
        <translation>
            <numerusform>%n tensor usa un tipo alternativo: %1.</numerusform>
            <numerusform>%n tensores usan un tipo alternativo: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2 for %n tensor(s)</source>
        <translation>
            <numerusform>%1 → %2 en %n tensor</numerusform>
            <numerusform>%1 → %2 en %n tensores</numerusform>
        </translation>
    </message>
    <message>
        <source>Same file as %1 on this model: every tensor gets the same type.</source>
        <translation>En este modelo, el mismo archivo que %1: cada tensor recibe el mismo tipo.</translation>
    </message>
    <message>
        <source>Custom mix — fits this machine exactly</source>
        <translation>Mezcla a medida — cabe exactamente en este equipo</translation>
    </message>
    <message>
        <source>≤ %1</source>
        <translation>≤ %1</translation>
    </message>
    <message>
        <source>KLD %1 ± %2 (measured) · %3 predicted</source>
        <translation>KLD %1 ± %2 (medida) · %3 prevista</translation>
    </message>
    <message>
        <source>KLD %1 (predicted)</source>
        <translation>KLD %1 (prevista)</translation>
    </message>
    <message>
        <source>Standard GGUF types chosen tensor by tensor from this model&apos;s measured sensitivity, so that the predicted loss (KL divergence) is least within %1: the largest file this machine holds at this context%2.</source>
        <translation>Tipos GGUF estándar elegidos tensor a tensor según la sensibilidad medida de este modelo, para que la pérdida prevista (divergencia KL) sea mínima dentro de %1: el mayor archivo que cabe en este equipo con este contexto%2.</translation>
    </message>
    <message>
        <source>, at most the largest preset&apos;s size</source>
        <translation>, como máximo el tamaño del mayor preajuste</translation>
    </message>
    <message>
        <source>Budget: %1 bytes</source>
        <translation>Presupuesto: %1 bytes</translation>
    </message>
    <message>
        <source>Predicted: the sum of each tensor&apos;s measured KL divergence on the calibration text. Measured: the produced file evaluated on the Compare page.</source>
        <translation>Prevista: la suma de la divergencia KL medida de cada tensor en el texto de calibración. Medida: el archivo producido, evaluado en la página Comparar.</translation>
    </message>
    <message>
        <source>within ± %1 %</source>
        <translation>dentro de ± %1 %</translation>
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
        <translation>%1 (est.)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>KLD %1 ± %2 (measured)</source>
        <translation>KLD %1 ± %2 (medido)</translation>
    </message>
    <message>
        <source>KLD %1 (measured)</source>
        <translation>KLD %1 (medido)</translation>
    </message>
    <message>
        <source>KLD %1 (pred.)</source>
        <translation>KLD %1 (previsto)</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>Mezcla a medida</translation>
    </message>
    <message>
        <source>File size: %1 bytes, %2 bits per weight, and the importance matrix&apos;s name, its text&apos;s name and two counts in the metadata (a few hundred bytes more)</source>
        <translation>Tamaño del archivo: %1 bytes, %2 bits por peso, más en los metadatos el nombre de la matriz de importancia, el de su texto y dos recuentos (unos cientos de bytes más)</translation>
    </message>
</context>
<context>
    <name>qf::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>Todos (%1)</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Hilos</translation>
    </message>
    <message>
        <source>Worker threads for producing files; 0 uses all of this machine&apos;s threads</source>
        <translation>Hilos de trabajo para producir archivos; 0 usa todos los hilos de este equipo</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Hilos:</translation>
    </message>
    <message>
        <source>Default presets</source>
        <translation>Preajustes predeterminados</translation>
    </message>
    <message>
        <source>Checked presets are chosen on the Produce page when a model is opened; with none checked the recommendation decides</source>
        <translation>Los preajustes marcados se eligen en la página «Producir» al abrir un modelo; si no hay ninguno marcado, decide la recomendación</translation>
    </message>
    <message>
        <source>Default &amp;presets:</source>
        <translation>&amp;Preajustes predeterminados:</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>Carpeta de &amp;salida:</translation>
    </message>
    <message>
        <source>Beside the model</source>
        <translation>Junto al modelo</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automática</translation>
    </message>
    <message>
        <source>RAM kept for the OS</source>
        <translation>RAM reservada para el sistema</translation>
    </message>
    <message>
        <source>RAM kept for the &amp;OS:</source>
        <translation>RAM reservada para el &amp;sistema:</translation>
    </message>
    <message>
        <source>Used by the Recommend page for this machine</source>
        <translation>Lo usa la página «Recomendación» para este equipo</translation>
    </message>
    <message>
        <source>&amp;Calibration text:</source>
        <translation>Texto de &amp;calibración:</translation>
    </message>
    <message>
        <source>Bundled text</source>
        <translation>Texto incluido</translation>
    </message>
    <message>
        <source>Text for computing importance matrices (default: %1)</source>
        <translation>Texto para calcular matrices de importancia (predeterminado: %1)</translation>
    </message>
    <message>
        <source>&amp;Evaluation text:</source>
        <translation>Texto de &amp;evaluación:</translation>
    </message>
    <message>
        <source>Text the Compare page evaluates on (default: %1)</source>
        <translation>Texto con el que evalúa la página «Comparar» (predeterminado: %1)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Takes effect when Quantforge is started again.</source>
        <translation>Se aplica la próxima vez que se inicie Quantforge.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Use the reference kernels (slower; for comparing results)</source>
        <translation>Usar los núcleos de referencia (más lento; para comparar resultados)</translation>
    </message>
    <message>
        <source>Quantizes with the portable scalar code instead of this CPU&apos;s vector instructions</source>
        <translation>Cuantiza con el código escalar portable en lugar de las instrucciones vectoriales de esta CPU</translation>
    </message>
    <message>
        <source>&amp;Kernels:</source>
        <translation>&amp;Núcleos:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Choose: %1</source>
        <translation>Elegir: %1</translation>
    </message>
    <message>
        <source>Text files (*.txt *.zst);;All files (*)</source>
        <translation>Archivos de texto (*.txt *.zst);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Clear Cache…</source>
        <translation>Vaciar caché…</translation>
    </message>
    <message>
        <source>Clear the cache</source>
        <translation>Vaciar la caché</translation>
    </message>
    <message>
        <source>Clear Cache?</source>
        <translation>¿Vaciar la caché?</translation>
    </message>
    <message>
        <source>Remove %1 of converted models and cached measurements from %2? They are made again when needed.</source>
        <translation>¿Eliminar %1 de modelos convertidos y mediciones en caché de %2? Se vuelven a crear cuando hagan falta.</translation>
    </message>
    <message>
        <source>Cache:</source>
        <translation>Caché:</translation>
    </message>
    <message>
        <source>%1 of converted models and cached measurements</source>
        <translation>%1 de modelos convertidos y mediciones en caché</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>Vacía</translation>
    </message>
    <message>
        <source>Clear Cache</source>
        <translation>Vaciar caché</translation>
    </message>
</context>
<context>
    <name>qf::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>qf::ui::SideBySideView</name>
    <message>
        <source>&amp;Prompt:</source>
        <translation>&amp;Indicación:</translation>
    </message>
    <message>
        <source>Text every file continues</source>
        <translation>Texto que cada archivo continúa</translation>
    </message>
    <message>
        <source>Ma&amp;x:</source>
        <translation>Má&amp;x.:</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> tokens</translation>
    </message>
    <message>
        <source>The most tokens each file generates</source>
        <translation>Número máximo de tokens que genera cada archivo</translation>
    </message>
    <message>
        <source>Temperat&amp;ure:</source>
        <translation>Temperat&amp;ura:</translation>
    </message>
    <message>
        <source>0 (greedy)</source>
        <translation>0 (voraz)</translation>
    </message>
    <message>
        <source>0 always picks the most likely token, so every run gives the same text</source>
        <translation>0 elige siempre el token más probable, así que cada ejecución da el mismo texto</translation>
    </message>
    <message>
        <source>See&amp;d:</source>
        <translation>Semi&amp;lla:</translation>
    </message>
    <message>
        <source>The same seed and temperature give the same text</source>
        <translation>La misma semilla y temperatura dan el mismo texto</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ejecutar</translation>
    </message>
    <message>
        <source>Generate with every file at once</source>
        <translation>Generar con todos los archivos a la vez</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>Stop every generation; the text so far stays</source>
        <translation>Detener todas las generaciones; el texto generado se conserva</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Select a model to run a prompt on it and its quants.</source>
        <translation>Seleccione un modelo para ejecutar una indicación en él y sus cuantizaciones.</translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation>Escriba primero una indicación.</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tok/s</source>
        <translation>%1 tokens · %2 tokens/s</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Detenido.</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Generando…</translation>
    </message>
    <message numerus="yes">
        <source>Generating with %n file(s)…</source>
        <translation>
            <numerusform>Generando con %n archivo…</numerusform>
            <numerusform>Generando con %n archivos…</numerusform>
        </translation>
    </message>
    <message>
        <source>Generating… %1 tokens</source>
        <translation>Generando… %1 tokens</translation>
    </message>
    <message>
        <source>Output of %1</source>
        <translation>Salida de %1</translation>
    </message>
    <message>
        <source>Once upon a time, in a small town by the sea,</source>
        <translation>Érase una vez, en un pequeño pueblo junto al mar,</translation>
    </message>
</context>
<context>
    <name>qf::ui::SizeQualityChart</name>
    <message>
        <source>File size (MB)</source>
        <translation>Tamaño del archivo (MB)</translation>
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
        <translation>&lt;br&gt;KLD media %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;Source (reference)</source>
        <translation>&lt;br&gt;Original (referencia)</translation>
    </message>
    <message>
        <source>No measurements yet: press Evaluate</source>
        <translation>Aún no hay mediciones: pulse Evaluar</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>Frente de Pareto</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>No se pudo escribir %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>Size and quality chart</source>
        <translation>Gráfico de tamaño y calidad</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>Perplejidad</translation>
    </message>
    <message>
        <source>Mean KLD</source>
        <translation>KLD media</translation>
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
        <translation>Ningún modelo seleccionado</translation>
    </message>
    <message>
        <source>Select a model in the list, or drop GGUF files onto the window.</source>
        <translation>Seleccione un modelo de la lista o suelte archivos GGUF en la ventana.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>No se pudo abrir %1</translation>
    </message>
    <message>
        <source>Model pages</source>
        <translation>Páginas del modelo</translation>
    </message>
</context>
<context>
    <name>qf::ui::TensorTableModel</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>%1 elements</source>
        <translation>%1 elementos</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Forma</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
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
        <translation>queda menos de un segundo</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>quedan unos %1 s</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>quedan unos %1 min</translation>
    </message>
    <message>
        <source>about %1 h %2 min left</source>
        <translation>quedan unas %1 h %2 min</translation>
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
