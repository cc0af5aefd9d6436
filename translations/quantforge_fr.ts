<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>main</name>
    <message>
        <source>Choose and produce quantized LLM files for your machine.</source>
        <translation>Choisir et produire des fichiers LLM quantifiés pour votre machine.</translation>
    </message>
    <message>
        <source>Open the bundled sample, show its recommendation and quit; the exit code tells whether it worked.</source>
        <translation>Ouvrir l’exemple fourni, afficher sa recommandation et quitter ; le code de sortie indique si cela a fonctionné.</translation>
    </message>
    <message>
        <source>GGUF models to open.</source>
        <translation>Modèles GGUF à ouvrir.</translation>
    </message>
    <message>
        <source>Walk through the app on the bundled sample and save a PNG of each view into DIR (for the README); the exit code tells whether it worked.</source>
        <translation>Parcourir l’application avec le modèle d’exemple fourni et enregistrer un PNG de chaque vue dans DIR (pour le README) ; le code de sortie indique si cela a fonctionné.</translation>
    </message>
</context>
<context>
    <name>qf::ui::AboutDialog</name>
    <message>
        <source>Quantforge: %1</source>
        <translation>Quantforge : %1</translation>
    </message>
    <message>
        <source>Qt: %1 (built with %2)</source>
        <translation>Qt : %1 (compilé avec %2)</translation>
    </message>
    <message>
        <source>Qt Charts: %1</source>
        <translation>Qt Charts : %1</translation>
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
        <translation>Compilateur : %1</translation>
    </message>
    <message>
        <source>Kernels: %1</source>
        <translation>Noyaux de calcul : %1</translation>
    </message>
    <message>
        <source>CPU features: %1</source>
        <translation>Fonctions du processeur : %1</translation>
    </message>
    <message>
        <source>none detected</source>
        <translation>aucune détectée</translation>
    </message>
    <message>
        <source>Platform: %1 (%2)</source>
        <translation>Plate-forme : %1 (%2)</translation>
    </message>
    <message>
        <source>About Quantforge</source>
        <translation>À propos de Quantforge</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Quantforge %1&lt;/h3&gt;&lt;p&gt;Chooses, produces and compares quantized GGUF models for your machine.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Quantforge %1&lt;/h3&gt;&lt;p&gt;Choisit, produit et compare des modèles GGUF quantifiés pour votre machine.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Build and system information</source>
        <translation>Informations de compilation et du système</translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation>&amp;Copier les détails</translation>
    </message>
</context>
<context>
    <name>qf::ui::CacheStorage</name>
    <message>
        <source>Could not remove %1</source>
        <translation>Impossible de supprimer %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::ComparePage</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Évaluer</translation>
    </message>
    <message>
        <source>Cancel Evaluation</source>
        <translation>Annuler l’évaluation</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Texte :</translation>
    </message>
    <message>
        <source>Plain text to evaluate on</source>
        <translation>Texte brut servant à l’évaluation</translation>
    </message>
    <message>
        <source>The text every file is evaluated on (default: the bundled evaluation text)</source>
        <translation>Le texte sur lequel chaque fichier est évalué (par défaut : le texte d’évaluation fourni)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Evaluation Text</source>
        <translation>Texte d’évaluation</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Fichiers texte (*.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>C&amp;ontext:</source>
        <translation>C&amp;ontexte :</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> jetons</translation>
    </message>
    <message>
        <source>Tokens per chunk, as llama-perplexity&apos;s -c</source>
        <translation>Jetons par segment, comme l’option -c de llama-perplexity</translation>
    </message>
    <message>
        <source>&amp;Quick: first</source>
        <translation>&amp;Rapide : premiers</translation>
    </message>
    <message>
        <source>Evaluate only the first chunks of the text: faster, with a larger ±</source>
        <translation>N’évaluer que les premiers segments du texte : plus rapide, avec un ± plus grand</translation>
    </message>
    <message>
        <source> chunks</source>
        <translation> segments</translation>
    </message>
    <message>
        <source>&amp;Evaluate</source>
        <translation>&amp;Évaluer</translation>
    </message>
    <message>
        <source>Measure perplexity, KL divergence and speed of the source and every quant listed under it (Ctrl+Enter)</source>
        <translation>Mesurer la perplexité, la divergence KL et la vitesse de la source et de chaque quantification listée en dessous (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop the evaluation (Esc); files already measured keep their results</source>
        <translation>Arrêter l’évaluation (Échap) ; les fichiers déjà mesurés gardent leurs résultats</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>Exporter le graphique…</translation>
    </message>
    <message>
        <source>Export Table…</source>
        <translation>Exporter le tableau…</translation>
    </message>
    <message>
        <source>Choose an evaluation text: the bundled one is not installed.</source>
        <translation>Choisissez un texte d’évaluation : celui fourni n’est pas installé.</translation>
    </message>
    <message>
        <source>Could not read the evaluation text %1: %2</source>
        <translation>Impossible de lire le texte d’évaluation %1 : %2</translation>
    </message>
    <message>
        <source>The evaluation text %1 is larger than %2.</source>
        <translation>Le texte d’évaluation %1 dépasse %2.</translation>
    </message>
    <message>
        <source>Some stored results could not be read and will be replaced when evaluated again:
%1</source>
        <translation>Certains résultats enregistrés n’ont pas pu être lus et seront remplacés lors de la prochaine évaluation :
%1</translation>
    </message>
    <message>
        <source>Select a model to compare its quants.</source>
        <translation>Sélectionnez un modèle pour comparer ses quantifications.</translation>
    </message>
    <message>
        <source>No quants of this model are listed yet: produce some, or open them. Evaluate measures the source alone.</source>
        <translation>Aucune quantification de ce modèle n’est encore listée : produisez-en ou ouvrez-en. Évaluer mesure la source seule.</translation>
    </message>
    <message numerus="yes">
        <source>Not measured on this text and context yet. Evaluate measures the source and %n quant(s).</source>
        <translation>
            <numerusform>Pas encore mesuré sur ce texte et ce contexte. Évaluer mesure la source et %n quantification.</numerusform>
            <numerusform>Pas encore mesuré sur ce texte et ce contexte. Évaluer mesure la source et %n quantifications.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 file(s) measured on %3, context %4.</source>
        <translation>
            <numerusform>%1 fichier sur %2 mesuré sur %3, contexte %4.</numerusform>
            <numerusform>%1 fichiers sur %2 mesurés sur %3, contexte %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a model first.</source>
        <translation>Sélectionnez d’abord un modèle.</translation>
    </message>
    <message>
        <source>The evaluation text %1 does not exist.</source>
        <translation>Le texte d’évaluation %1 n’existe pas.</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>Évaluation…</translation>
    </message>
    <message>
        <source>Evaluated in %1.</source>
        <translation>Évalué en %1.</translation>
    </message>
    <message>
        <source>Evaluation failed.</source>
        <translation>L’évaluation a échoué.</translation>
    </message>
    <message>
        <source>Evaluation cancelled.</source>
        <translation>Évaluation annulée.</translation>
    </message>
    <message>
        <source>Waiting for the running job to finish…</source>
        <translation>Attente de la fin de la tâche en cours…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Results could not be stored beside the file, so they will not be shown next time:
%1</source>
        <translation>Les résultats n’ont pas pu être enregistrés à côté du fichier ; ils ne seront pas affichés la prochaine fois :
%1</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>Image PNG (*.png);;Image SVG (*.svg)</translation>
    </message>
    <message>
        <source>CSV table (*.csv);;JSON (*.json)</source>
        <translation>Tableau CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <source>Export Table</source>
        <translation>Exporter le tableau</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>%1 exporté.</translation>
    </message>
    <message>
        <source>Same prompt, side by side</source>
        <translation>Même invite, côte à côte</translation>
    </message>
    <message>
        <source>Chunks to evaluate</source>
        <translation>Segments à évaluer</translation>
    </message>
    <message>
        <source>Chart metric</source>
        <translation>Mesure du graphique</translation>
    </message>
    <message>
        <source>Comparison table</source>
        <translation>Tableau comparatif</translation>
    </message>
    <message>
        <source>Size against perplexity (lower is better)</source>
        <translation>Taille contre perplexité (plus bas est meilleur)</translation>
    </message>
    <message>
        <source>Size against KL divergence (lower is better)</source>
        <translation>Taille contre divergence KL (plus bas est meilleur)</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>Mélange sur mesure</translation>
    </message>
    <message>
        <source>Chart and table</source>
        <translation>Graphique et tableau</translation>
    </message>
    <message>
        <source>Custom mix (predicted)</source>
        <translation>Mélange sur mesure (prévu)</translation>
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
        <translation>Perplexité sur le texte d’évaluation, avec son ± (plus bas est meilleur)</translation>
    </message>
    <message>
        <source>Perplexity relative to the source</source>
        <translation>Perplexité relative à la source</translation>
    </message>
    <message>
        <source>Mean KL divergence from the source&apos;s predictions, with its ± (lower is better)</source>
        <translation>Divergence KL moyenne par rapport aux prédictions de la source, avec son ± (plus bas est meilleur)</translation>
    </message>
    <message>
        <source>How often the most likely next token is the same as the source&apos;s</source>
        <translation>Fréquence à laquelle le jeton suivant le plus probable est le même que celui de la source</translation>
    </message>
    <message>
        <source>Prompt processing speed measured during the perplexity run</source>
        <translation>Vitesse de traitement du prompt mesurée pendant le calcul de perplexité</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>Bits/poids</translation>
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
        <translation>KLD moy. ±</translation>
    </message>
    <message>
        <source>Same top</source>
        <translation>Même 1er jeton</translation>
    </message>
    <message numerus="yes">
        <source>%1, context %2, %n chunk(s)</source>
        <translation>
            <numerusform>%1, contexte %2, %n segment</numerusform>
            <numerusform>%1, contexte %2, %n segments</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (source)</source>
        <translation>%1 (source)</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>référence</translation>
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
        <translation>Vitesse de génération : %1 jetons un par un après le début du texte</translation>
    </message>
    <message>
        <source>Prompt tok/s</source>
        <translation>Invite jetons/s</translation>
    </message>
    <message>
        <source>Generation tok/s</source>
        <translation>Génération jetons/s</translation>
    </message>
    <message>
        <source>Custom mix: predicted mean KLD %1 before it was made</source>
        <translation>Mélange sur mesure : KLD moyenne prévue avant sa création %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::DropOverlay</name>
    <message>
        <source>Drop models to open them</source>
        <translation>Déposez des modèles pour les ouvrir</translation>
    </message>
</context>
<context>
    <name>qf::ui::EmptyStateWidget</name>
    <message>
        <source>Try the sample model</source>
        <translation>Essayer le modèle d’exemple</translation>
    </message>
    <message>
        <source>Drop GGUF models here</source>
        <translation>Déposez des modèles GGUF ici</translation>
    </message>
    <message>
        <source>Quantforge finds the quantization of a model that fits your machine best, produces it and shows what it costs in quality.</source>
        <translation>Quantforge trouve la quantification d’un modèle la mieux adaptée à votre machine, la produit et montre ce qu’elle coûte en qualité.</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Ouvrir…</translation>
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
        <translation>Perplexité de %1</translation>
    </message>
    <message>
        <source>Reference outputs of %1</source>
        <translation>Sorties de référence de %1</translation>
    </message>
    <message>
        <source>KL divergence of %1</source>
        <translation>Divergence KL de %1</translation>
    </message>
    <message>
        <source>Generation speed of %1</source>
        <translation>Vitesse de génération de %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::ExportPanel</name>
    <message>
        <source>Save Ollama Modelfile…</source>
        <translation>Enregistrer le Modelfile Ollama…</translation>
    </message>
    <message>
        <source>Create in Ollama…</source>
        <translation>Créer dans Ollama…</translation>
    </message>
    <message>
        <source>Copy to LM Studio…</source>
        <translation>Copier vers LM Studio…</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Write an Ollama Modelfile for this file: FROM, the chat template and the stop tokens.</source>
        <translation>Écrire un Modelfile Ollama pour ce fichier : FROM, le modèle de conversation et les jetons d’arrêt.</translation>
    </message>
    <message>
        <source>Copy this file into LM Studio&apos;s models folder as publisher/model/file.gguf.</source>
        <translation>Copier ce fichier dans le dossier des modèles de LM Studio sous publisher/model/file.gguf.</translation>
    </message>
    <message>
        <source>Show this file in the file manager.</source>
        <translation>Afficher ce fichier dans le gestionnaire de fichiers.</translation>
    </message>
    <message>
        <source>Use with</source>
        <translation>Utiliser avec</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>État de l’export</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progression de l’export</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Annuler l’export</translation>
    </message>
    <message>
        <source>Ollama output</source>
        <translation>Sortie d’Ollama</translation>
    </message>
    <message>
        <source>Export error</source>
        <translation>Erreur d’export</translation>
    </message>
    <message>
        <source>Ollama was not found on PATH. Install it from ollama.com to create the model in it directly.</source>
        <translation>Ollama est introuvable dans le PATH. Installez-le depuis ollama.com pour y créer le modèle directement.</translation>
    </message>
    <message>
        <source>Create a model in Ollama from this file (ollama create).</source>
        <translation>Créer un modèle dans Ollama à partir de ce fichier (ollama create).</translation>
    </message>
    <message>
        <source>Save Ollama Modelfile</source>
        <translation>Enregistrer le Modelfile Ollama</translation>
    </message>
    <message>
        <source>The Modelfile was not saved</source>
        <translation>Le Modelfile n’a pas été enregistré</translation>
    </message>
    <message>
        <source>Saved the Modelfile as %1. Create the model with: ollama create NAME -f %2</source>
        <translation>Modelfile enregistré sous %1. Créez le modèle avec : ollama create NAME -f %2</translation>
    </message>
    <message>
        <source>Create in Ollama</source>
        <translation>Créer dans Ollama</translation>
    </message>
    <message>
        <source>Model name in Ollama (letters, digits, &apos;.&apos;, &apos;-&apos;, &apos;_&apos;; an optional :tag):</source>
        <translation>Nom du modèle dans Ollama (lettres, chiffres, &apos;.&apos;, &apos;-&apos;, &apos;_&apos; ; un :tag facultatif) :</translation>
    </message>
    <message>
        <source>Not a model name Ollama accepts</source>
        <translation>Ollama n’accepte pas ce nom de modèle</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: use letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;, optionally followed by :tag.</source>
        <translation>« %1 » : utilisez des lettres, des chiffres, &apos;.&apos;, &apos;-&apos; et &apos;_&apos;, éventuellement suivis de :tag.</translation>
    </message>
    <message>
        <source>Ollama was not found</source>
        <translation>Ollama est introuvable</translation>
    </message>
    <message>
        <source>No &quot;ollama&quot; program is on PATH.</source>
        <translation>Aucun programme « ollama » dans le PATH.</translation>
    </message>
    <message>
        <source>The Modelfile was not written</source>
        <translation>Le Modelfile n’a pas été écrit</translation>
    </message>
    <message>
        <source>Creating %1 in Ollama…</source>
        <translation>Création de %1 dans Ollama…</translation>
    </message>
    <message>
        <source>Cancelled creating %1 in Ollama.</source>
        <translation>Création de %1 dans Ollama annulée.</translation>
    </message>
    <message>
        <source>Created %1 in Ollama (exit code 0). Run it with: ollama run %1</source>
        <translation>%1 a été créé dans Ollama (exit code 0). Lancez-le avec : ollama run %1</translation>
    </message>
    <message>
        <source>ollama create did not run or crashed</source>
        <translation>ollama create n’a pas démarré ou s’est planté</translation>
    </message>
    <message>
        <source>ollama create failed with exit code %1</source>
        <translation>ollama create a échoué avec le exit code %1</translation>
    </message>
    <message>
        <source>LM Studio&apos;s models folder</source>
        <translation>Dossier des modèles de LM Studio</translation>
    </message>
    <message>
        <source>Copy to LM Studio</source>
        <translation>Copier vers LM Studio</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existe déjà. Le remplacer ?</translation>
    </message>
    <message>
        <source>Copied to %1. LM Studio lists it under My Models.</source>
        <translation>Copié vers %1. LM Studio l’affiche dans « My Models ».</translation>
    </message>
    <message>
        <source>The copy to LM Studio failed</source>
        <translation>La copie vers LM Studio a échoué</translation>
    </message>
    <message>
        <source>Cancelled the copy to LM Studio; nothing was left behind.</source>
        <translation>Copie vers LM Studio annulée ; rien n’a été laissé.</translation>
    </message>
    <message>
        <source>Copying %1 to %2…</source>
        <translation>Copie de %1 vers %2…</translation>
    </message>
</context>
<context>
    <name>qf::ui::GenerateJobRunner</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Unexpected error while generating: %1</source>
        <translation>Erreur inattendue pendant la génération : %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::HfCache</name>
    <message>
        <source>Converting %1 to F16 for evaluation…</source>
        <translation>Conversion de %1 en F16 pour l’évaluation…</translation>
    </message>
</context>
<context>
    <name>qf::ui::ImatrixChooser</name>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>From file</source>
        <translation>Depuis un fichier</translation>
    </message>
    <message>
        <source>Compute from text</source>
        <translation>Calculer à partir d’un texte</translation>
    </message>
    <message>
        <source>An importance matrix (from llama-imatrix, or computed here from calibration text) weights each column by how much it matters on real text; it usually improves the smaller presets.</source>
        <translation>Une matrice d’importance (de llama-imatrix, ou calculée ici à partir d’un texte de calibrage) pondère chaque colonne selon son importance sur du vrai texte ; elle améliore généralement les plus petits préréglages.</translation>
    </message>
    <message>
        <source>Importance matrix source</source>
        <translation>Source de la matrice d’importance</translation>
    </message>
    <message>
        <source>imatrix.dat or imatrix.gguf</source>
        <translation>imatrix.dat ou imatrix.gguf</translation>
    </message>
    <message>
        <source>Importance matrix file</source>
        <translation>Fichier de matrice d’importance</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Choose the importance matrix file</source>
        <translation>Choisir le fichier de matrice d’importance</translation>
    </message>
    <message>
        <source>Calibration text (.txt or .txt.zst)</source>
        <translation>Texte de calibrage (.txt ou .txt.zst)</translation>
    </message>
    <message>
        <source>Text the model reads to measure which weights matter; the bundled text is public-domain prose. Use text like what the model will see.</source>
        <translation>Texte que le modèle lit pour mesurer quels poids comptent ; le texte fourni est de la prose du domaine public. Utilisez un texte proche de ce que le modèle verra.</translation>
    </message>
    <message>
        <source>Calibration text file</source>
        <translation>Fichier de texte de calibrage</translation>
    </message>
    <message>
        <source>Choose the calibration text</source>
        <translation>Choisir le texte de calibrage</translation>
    </message>
    <message>
        <source>Importance matrix progress</source>
        <translation>Progression de la matrice d’importance</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop computing the importance matrix</source>
        <translation>Arrêter le calcul de la matrice d’importance</translation>
    </message>
    <message>
        <source>Importance matrix status</source>
        <translation>État de la matrice d’importance</translation>
    </message>
    <message>
        <source>Reading the importance matrix…</source>
        <translation>Lecture de la matrice d’importance…</translation>
    </message>
    <message>
        <source>Choose a readable importance matrix file, or set it to None.</source>
        <translation>Choisissez un fichier de matrice d’importance lisible, ou réglez-la sur Aucune.</translation>
    </message>
    <message>
        <source>Computing the importance matrix (see above)…</source>
        <translation>Calcul de la matrice d’importance (voir ci-dessus)…</translation>
    </message>
    <message>
        <source>Importance Matrix</source>
        <translation>Matrice d’importance</translation>
    </message>
    <message>
        <source>Importance matrices (*.dat *.gguf);;All files (*)</source>
        <translation>Matrices d’importance (*.dat *.gguf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose an importance matrix file.</source>
        <translation>Choisissez un fichier de matrice d’importance.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entrée</numerusform>
            <numerusform>%n entrées</numerusform>
        </translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 entrée</translation>
    </message>
    <message>
        <source>%1, %2 chunks</source>
        <translation>%1, %2 segments</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Calibration Text</source>
        <translation>Texte de calibrage</translation>
    </message>
    <message>
        <source>Text files (*.txt *.txt.zst *.zst);;All files (*)</source>
        <translation>Fichiers texte (*.txt *.txt.zst *.zst);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose a calibration text.</source>
        <translation>Choisissez un texte de calibrage.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 n’existe pas.</translation>
    </message>
    <message>
        <source>Computed from %1 once a model is selected.</source>
        <translation>Calculée à partir de %1 dès qu’un modèle est sélectionné.</translation>
    </message>
    <message>
        <source>Computing from %1…</source>
        <translation>Calcul à partir de %1…</translation>
    </message>
    <message>
        <source>Computing from %1: %2</source>
        <translation>Calcul à partir de %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n entries over %1 chunks of %2, perplexity %3</source>
        <translation>
            <numerusform>%n entrée sur %1 blocs de %2, perplexité %3</numerusform>
            <numerusform>%n entrées sur %1 blocs de %2, perplexité %3</numerusform>
        </translation>
    </message>
    <message>
        <source> (computed before)</source>
        <translation> (déjà calculée)</translation>
    </message>
    <message>
        <source> (%1 s)</source>
        <translation> (%1 s)</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Enregistrée sous %1</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Calculer</translation>
    </message>
    <message>
        <source>Compute the importance matrix now (producing also computes it first)</source>
        <translation>Calculer la matrice d’importance maintenant (la production la calcule sinon d’abord)</translation>
    </message>
    <message>
        <source>Choose a calibration text for the importance matrix, or set it to None.</source>
        <translation>Choisissez un texte de calibration pour la matrice d’importance, ou choisissez « Aucune ».</translation>
    </message>
    <message>
        <source>Computed from %1 when you produce, or press Compute.</source>
        <translation>Calculée à partir de %1 lors de la production, ou cliquez sur « Calculer ».</translation>
    </message>
    <message>
        <source>Stopped. Press Compute to compute again, or set it to None.</source>
        <translation>Arrêté. Cliquez sur « Calculer » pour recommencer, ou choisissez « Aucune ».</translation>
    </message>
</context>
<context>
    <name>qf::ui::ImatrixComputeJob</name>
    <message>
        <source>chunk %1 of %2, perplexity %3</source>
        <translation>bloc %1 sur %2, perplexité %3</translation>
    </message>
    <message>
        <source>reading %1</source>
        <translation>lecture de %1</translation>
    </message>
    <message>
        <source>Unexpected error while computing the importance matrix: %1</source>
        <translation>Erreur inattendue lors du calcul de la matrice d’importance : %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::ImatrixLoadJob</name>
    <message>
        <source>Unexpected error while reading %1: %2</source>
        <translation>Erreur inattendue lors de la lecture de %1 : %2</translation>
    </message>
</context>
<context>
    <name>qf::ui::JobQueueWidget</name>
    <message>
        <source>No jobs yet. Choose presets above and press Start (Ctrl+Enter).</source>
        <translation>Aucune tâche pour l’instant. Choisissez des préréglages ci-dessus et appuyez sur Démarrer (Ctrl+Entrée).</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>Effacer les terminées</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 en cours</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 en attente</translation>
    </message>
    <message>
        <source>%1 finished</source>
        <translation>%1 terminée(s)</translation>
    </message>
</context>
<context>
    <name>qf::ui::JobRowWidget</name>
    <message>
        <source>from %1</source>
        <translation>depuis %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 depuis %2</translation>
    </message>
    <message>
        <source>Stop this job (Esc); nothing is left behind</source>
        <translation>Arrêter cette tâche (Échap) ; rien n’est laissé derrière</translation>
    </message>
    <message>
        <source>Open the folder with the produced files in the file manager</source>
        <translation>Ouvrir le dossier des fichiers produits dans le gestionnaire de fichiers</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Starts when the job before it has finished.</source>
        <translation>Démarre lorsque la tâche précédente est terminée.</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>Planification…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Done in %1</source>
        <translation>Terminé en %1</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Rien n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>qf::ui::LoraMergeJob</name>
    <message>
        <source>Unknown preset %1</source>
        <translation>Préréglage inconnu %1</translation>
    </message>
    <message>
        <source>Unexpected error while merging: %1</source>
        <translation>Erreur inattendue pendant la fusion : %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::LoraMergePanel</name>
    <message>
        <source>Apply a LoRA adapter…</source>
        <translation>Appliquer un adaptateur LoRA…</translation>
    </message>
    <message>
        <source>Dequantize the base to F16 first</source>
        <translation>Déquantifier d&apos;abord la base en F16</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Merge a LoRA adapter (a PEFT folder or a GGUF LoRA) into this model</source>
        <translation>Fusionner un adaptateur LoRA (dossier PEFT ou LoRA GGUF) dans ce modèle</translation>
    </message>
    <message>
        <source>PEFT Adapter Folder…</source>
        <translation>Dossier d&apos;adaptateur PEFT…</translation>
    </message>
    <message>
        <source>GGUF LoRA File…</source>
        <translation>Fichier LoRA GGUF…</translation>
    </message>
    <message>
        <source>Apply a LoRA adapter</source>
        <translation>Appliquer un adaptateur LoRA</translation>
    </message>
    <message>
        <source>The base is quantized: widen it to F16, merge the adapter, then quantize once with the chosen presets</source>
        <translation>La base est quantifiée : l&apos;élargir en F16, fusionner l&apos;adaptateur, puis quantifier une seule fois avec les préréglages choisis</translation>
    </message>
    <message>
        <source>Merge the adapter into the model</source>
        <translation>Fusionner l&apos;adaptateur dans le modèle</translation>
    </message>
    <message>
        <source>Merge progress</source>
        <translation>Progression de la fusion</translation>
    </message>
    <message>
        <source>Cancel the merge</source>
        <translation>Annuler la fusion</translation>
    </message>
    <message>
        <source>Merge error</source>
        <translation>Erreur de fusion</translation>
    </message>
    <message>
        <source>LoRA adapter</source>
        <translation>Adaptateur LoRA</translation>
    </message>
    <message>
        <source>PEFT Adapter Folder (adapter_config.json + adapter_model.safetensors)</source>
        <translation>Dossier d&apos;adaptateur PEFT (adapter_config.json + adapter_model.safetensors)</translation>
    </message>
    <message>
        <source>GGUF LoRA Adapter</source>
        <translation>Adaptateur LoRA GGUF</translation>
    </message>
    <message>
        <source>GGUF files (*.gguf);;All files (*)</source>
        <translation>Fichiers GGUF (*.gguf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>Aucun choisi</translation>
    </message>
    <message>
        <source>Into the chosen presets</source>
        <translation>Dans les préréglages choisis</translation>
    </message>
    <message>
        <source>The adapter could not be merged</source>
        <translation>L&apos;adaptateur n&apos;a pas pu être fusionné</translation>
    </message>
    <message>
        <source>Choose a LoRA adapter first: a PEFT folder or a GGUF LoRA file.</source>
        <translation>Choisissez d&apos;abord un adaptateur LoRA : un dossier PEFT ou un fichier LoRA GGUF.</translation>
    </message>
    <message>
        <source>%1 exists already.</source>
        <translation>%1 existe déjà.</translation>
    </message>
    <message>
        <source>Replace and Merge</source>
        <translation>Remplacer et fusionner</translation>
    </message>
    <message>
        <source>Waiting for the running job…</source>
        <translation>En attente de la tâche en cours…</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Fusion…</translation>
    </message>
    <message>
        <source>Merging: %1</source>
        <translation>Fusion : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n weight(s) merged into %1</source>
        <translation>
            <numerusform>%n poids fusionné dans %1</numerusform>
            <numerusform>%n poids fusionnés dans %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n quantized tensor(s) widened to F16)</source>
        <translation>
            <numerusform>(%n tenseur quantifié élargi en F16)</numerusform>
            <numerusform>(%n tenseurs quantifiés élargis en F16)</numerusform>
        </translation>
    </message>
    <message>
        <source>Dequantize and Merge</source>
        <translation>Déquantifier et fusionner</translation>
    </message>
    <message>
        <source>Merge cancelled.</source>
        <translation>Fusion annulée.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Choose presets in the table above to quantize the merged model straight into them</source>
        <translation>Choisissez des préréglages dans le tableau ci-dessus pour y quantifier directement le modèle fusionné</translation>
    </message>
    <message>
        <source>Quantize the merged weights straight into %1, in one pass; otherwise the merged model keeps the base&apos;s float types</source>
        <translation>Quantifier les poids fusionnés directement en %1, en une passe ; sinon le modèle fusionné garde les types flottants de la base</translation>
    </message>
    <message>
        <source>The Adapter&apos;s Base Model Folder (config.json)</source>
        <translation>Dossier du modèle de base de l&apos;adaptateur (config.json)</translation>
    </message>
    <message>
        <source>Choose the Base Folder…</source>
        <translation>Choisir le dossier de base…</translation>
    </message>
</context>
<context>
    <name>qf::ui::MachineCardWidget</name>
    <message>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <source>Unified memory (the GPU shares the RAM)</source>
        <translation>Mémoire unifiée (le GPU partage la RAM)</translation>
    </message>
    <message>
        <source>Detecting this machine…</source>
        <translation>Détection de cette machine…</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>Cette machine</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisée</translation>
    </message>
    <message>
        <source>No GPU</source>
        <translation>Pas de GPU</translation>
    </message>
    <message>
        <source>Memory of the GPUs used; for unified memory the GPU&apos;s working-set limit</source>
        <translation>Mémoire des GPU utilisés ; pour la mémoire unifiée, la limite de l’ensemble de travail du GPU</translation>
    </message>
    <message>
        <source>RAM kept for the operating system and other programs</source>
        <translation>RAM réservée au système d’exploitation et aux autres programmes</translation>
    </message>
    <message>
        <source>Plan for:</source>
        <translation>Planifier pour :</translation>
    </message>
    <message>
        <source>RAM:</source>
        <translation>RAM :</translation>
    </message>
    <message>
        <source>GPU memory:</source>
        <translation>Mémoire GPU :</translation>
    </message>
    <message>
        <source>Kept for the OS:</source>
        <translation>Réservée au système :</translation>
    </message>
    <message>
        <source>CPU: %1, %2 threads%3</source>
        <translation>CPU : %1, %2 threads%3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>RAM: %1 (%2 available)</source>
        <translation>RAM : %1 (%2 disponible)</translation>
    </message>
    <message>
        <source>memory not reported</source>
        <translation>mémoire non indiquée</translation>
    </message>
    <message>
        <source>shares RAM, up to %1</source>
        <translation>partage la RAM, jusqu’à %1</translation>
    </message>
    <message>
        <source>%1 VRAM</source>
        <translation>%1 de VRAM</translation>
    </message>
    <message>
        <source> (estimate)</source>
        <translation> (estimation)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>GPU: none found</source>
        <translation>GPU : aucun trouvé</translation>
    </message>
    <message>
        <source>GPU: %1</source>
        <translation>GPU : %1</translation>
    </message>
    <message>
        <source>Detected: %1 · %2 · %3</source>
        <translation>Détecté : %1 · %2 · %3</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Custom machine</source>
        <translation>Machine personnalisée</translation>
    </message>
    <message>
        <source>Sizes in GB of 10⁹ bytes: a card sold as 8 GB has 8.6 GB.</source>
        <translation>Tailles en Go de 10⁹ octets : une carte vendue pour 8 Go en a 8,6.</translation>
    </message>
    <message>
        <source>%1 of GPU memory is kept for the driver and desktop (estimate).</source>
        <translation>%1 de mémoire GPU est réservé au pilote et au bureau (estimation).</translation>
    </message>
    <message>
        <source>The GPU&apos;s working-set limit is Metal&apos;s default for this much RAM (estimate; sysctl iogpu.wired_limit_mb changes it).</source>
        <translation>La limite de l’ensemble de travail du GPU est la valeur par défaut de Metal pour cette quantité de RAM (estimation ; sysctl iogpu.wired_limit_mb la modifie).</translation>
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
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open one or more GGUF models</source>
        <translation>Ouvrir un ou plusieurs modèles GGUF</translation>
    </message>
    <message>
        <source>Open &amp;Sample Model</source>
        <translation>Ouvrir le modèle d’&amp;exemple</translation>
    </message>
    <message>
        <source>&amp;Remove from List</source>
        <translation>&amp;Retirer de la liste</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;About Quantforge</source>
        <translation>À &amp;propos de Quantforge</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>A job is still running. Cancel it and close Quantforge?</source>
        <translation>Une tâche est encore en cours. L’annuler et fermer Quantforge ?</translation>
    </message>
    <message numerus="yes">
        <source>%n jobs are still running or waiting. Cancel them and close Quantforge?</source>
        <translation>
            <numerusform>%n tâche est encore en cours ou en attente. L’annuler et fermer Quantforge ?</numerusform>
            <numerusform>%n tâches sont encore en cours ou en attente. Les annuler et fermer Quantforge ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel Running Jobs?</source>
        <translation>Annuler les tâches en cours ?</translation>
    </message>
    <message>
        <source>Files of cancelled jobs are not written; finished files are kept.</source>
        <translation>Les fichiers des tâches annulées ne sont pas écrits ; les fichiers terminés sont conservés.</translation>
    </message>
    <message>
        <source>Cancel Jobs and Close</source>
        <translation>Annuler les tâches et fermer</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Reading 1 model…</source>
        <translation>Lecture d’un modèle…</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n models…</source>
        <translation>
            <numerusform>Lecture de %n modèle…</numerusform>
            <numerusform>Lecture de %n modèles…</numerusform>
        </translation>
    </message>
    <message>
        <source>The sample model is not installed (looked in %1).</source>
        <translation>Le modèle d’exemple n’est pas installé (recherché dans %1).</translation>
    </message>
    <message>
        <source>Opened %1 (%2) in %3 ms</source>
        <translation>%1 (%2) ouvert en %3 ms</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>Impossible d’ouvrir %1</translation>
    </message>
    <message>
        <source>Produced %1</source>
        <translation>%1 produit</translation>
    </message>
    <message numerus="yes">
        <source>Produced %n files</source>
        <translation>
            <numerusform>%n fichier produit</numerusform>
            <numerusform>%n fichiers produits</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Models</source>
        <translation>Ouvrir des modèles</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>Modèles GGUF (*.gguf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>&amp;Effacer le menu</translation>
    </message>
    <message>
        <source>%1 — Quantforge</source>
        <translation>%1 — Quantforge</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>The opened models and the files made from them</source>
        <translation>Les modèles ouverts et les fichiers produits à partir d’eux</translation>
    </message>
    <message>
        <source>Open models</source>
        <translation>Ouvrir des modèles</translation>
    </message>
    <message>
        <source>Remove the selected model from the list</source>
        <translation>Retirer le modèle sélectionné de la liste</translation>
    </message>
    <message>
        <source>Show the %1 page</source>
        <translation>Afficher la page « %1 »</translation>
    </message>
    <message>
        <source>Start producing (Produce page)</source>
        <translation>Lancer la production (page « Produire »)</translation>
    </message>
    <message>
        <source>Cancel the focused job</source>
        <translation>Annuler la tâche active</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>%1 is a LoRA adapter: open the model to merge it into first, then add the adapter again</source>
        <translation>%1 est un adaptateur LoRA : ouvrez d&apos;abord le modèle dans lequel le fusionner, puis ajoutez à nouveau l&apos;adaptateur</translation>
    </message>
    <message>
        <source>LoRA adapter %1 chosen: Merge puts it into %2</source>
        <translation>Adaptateur LoRA %1 choisi : « Fusionner » l&apos;intègre dans %2</translation>
    </message>
</context>
<context>
    <name>qf::ui::MixPredictJob</name>
    <message>
        <source>A custom mix is made from a GGUF file; convert this folder first.</source>
        <translation>Un mélange sur mesure se fait à partir d&apos;un fichier GGUF ; convertissez d&apos;abord ce dossier.</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelCardWidget</name>
    <message>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Couches</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>Têtes d’attention</translation>
    </message>
    <message>
        <source>Embedding</source>
        <translation>Plongement</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Vocabulaire</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>Type de fichier</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation>Bits par poids</translation>
    </message>
    <message>
        <source>Bytes by tensor type</source>
        <translation>Octets par type de tenseur</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n shards)</source>
        <translation>
            <numerusform>%1 (%n fragment)</numerusform>
            <numerusform>%1 (%n fragments)</numerusform>
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
        <translation>%1, %2 experts</translation>
    </message>
    <message>
        <source>%1 (feed-forward %2)</source>
        <translation>%1 (feed-forward %2)</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 jetons</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 bytes in the file, %2 bytes of tensor data</source>
        <translation>%1 octets dans le fichier, %2 octets de données de tenseurs</translation>
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
        <translation>1 tenseur</translation>
    </message>
    <message numerus="yes">
        <source>%n tensors</source>
        <translation>
            <numerusform>%n tenseur</numerusform>
            <numerusform>%n tenseurs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · Hugging Face folder, read as F16</source>
        <translation>%1 · dossier Hugging Face, lu en F16</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelCopyJob</name>
    <message>
        <source>Unexpected error while copying: %1</source>
        <translation>Erreur inattendue pendant la copie : %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelListModel</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>Mélange sur mesure</translation>
    </message>
</context>
<context>
    <name>qf::ui::ModelLoadJob</name>
    <message>
        <source>Unexpected error while reading %1: %2</source>
        <translation>Erreur inattendue lors de la lecture de %1 : %2</translation>
    </message>
</context>
<context>
    <name>qf::ui::OverviewPage</name>
    <message>
        <source>Filter tensors by name, e.g. attn_k or blk.0.</source>
        <translation>Filtrer les tenseurs par nom, p. ex. attn_k ou blk.0.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>1 tensor</source>
        <translation>1 tenseur</translation>
    </message>
    <message numerus="yes">
        <source>%n tensors</source>
        <translation>
            <numerusform>%n tenseur</numerusform>
            <numerusform>%n tenseurs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of 1 tensor</source>
        <translation>%1 sur 1 tenseur</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n tensors</source>
        <translation>
            <numerusform>%1 sur %n tenseur</numerusform>
            <numerusform>%1 sur %n tenseurs</numerusform>
        </translation>
    </message>
    <message>
        <source>A Hugging Face folder is not a GGUF file: produce a quant from it on the Produce page, then export the quant.</source>
        <translation>Un dossier Hugging Face n’est pas un fichier GGUF : produisez-en un quant sur la page Produire, puis exportez ce quant.</translation>
    </message>
    <message>
        <source>Tensor filter</source>
        <translation>Filtre des tenseurs</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>Tenseurs</translation>
    </message>
</context>
<context>
    <name>qf::ui::PresetPlanJob</name>
    <message>
        <source>%1 stores the experts of a mixture-of-experts model as MXFP4; this model has none, so every tensor is Q8_0, as with the Q8_0 preset.</source>
        <translation>%1 stocke les experts d&apos;un modèle à mélange d&apos;experts en MXFP4 ; ce modèle n&apos;en a pas, donc chaque tenseur est en Q8_0, comme avec le préréglage Q8_0.</translation>
    </message>
    <message numerus="yes">
        <source>%n of the importance matrix&apos;s entries name no tensor of this model (e.g. %1); they are not used. Was it made for another model?</source>
        <translation>
            <numerusform>%n entrée de la matrice d&apos;importance ne nomme aucun tenseur de ce modèle (p. ex. %1) ; elle n&apos;est pas utilisée. A-t-elle été faite pour un autre modèle ?</numerusform>
            <numerusform>%n entrées de la matrice d&apos;importance ne nomment aucun tenseur de ce modèle (p. ex. %1) ; elles ne sont pas utilisées. A-t-elle été faite pour un autre modèle ?</numerusform>
        </translation>
    </message>
    <message>
        <source>No entry of the importance matrix names a tensor of this model: quantizing without it.</source>
        <translation>Aucune entrée de la matrice d&apos;importance ne nomme un tenseur de ce modèle : quantification sans elle.</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) have rows that do not fit the wanted type&apos;s blocks and use a fallback type.</source>
        <translation>
            <numerusform>%n tenseur a des lignes qui ne tiennent pas dans les blocs du type voulu et utilise un type de repli.</numerusform>
            <numerusform>%n tenseurs ont des lignes qui ne tiennent pas dans les blocs du type voulu et utilisent un type de repli.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The importance matrix has no entry for %n quantized tensor(s), e.g. %1; they are quantized without it.</source>
        <translation>
            <numerusform>La matrice d&apos;importance n&apos;a pas d&apos;entrée pour %n tenseur quantifié, p. ex. %1 ; il est quantifié sans elle.</numerusform>
            <numerusform>La matrice d&apos;importance n&apos;a pas d&apos;entrée pour %n tenseurs quantifiés, p. ex. %1 ; ils sont quantifiés sans elle.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qf::ui::PresetTableModel</name>
    <message>
        <source>The model already is %1: this would only copy it.</source>
        <translation>Le modèle est déjà en %1 : il serait seulement copié.</translation>
    </message>
    <message>
        <source>Cannot be made from this model: %1</source>
        <translation>Impossible à produire depuis ce modèle : %1</translation>
    </message>
    <message>
        <source>%1 bytes, exactly</source>
        <translation>exactement %1 octets</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Préréglage</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>Bits/poids</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <source>Same file as %1 on this model: its rows do not fit this preset&apos;s blocks (%2).</source>
        <translation>Même fichier que %1 pour ce modèle : ses lignes ne tiennent pas dans les blocs de ce préréglage (%2).</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) use a fallback type: %1.</source>
        <translation>
            <numerusform>%n tenseur utilise un type de repli : %1.</numerusform>
            <numerusform>%n tenseurs utilisent un type de repli : %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Needs an importance matrix: check it to compute one from text, or choose one below.</source>
        <translation>Nécessite une matrice d&apos;importance : cochez pour en calculer une à partir d&apos;un texte, ou choisissez-en une ci-dessous.</translation>
    </message>
    <message>
        <source>Same file as %1 on this model: every tensor gets the same type.</source>
        <translation>Sur ce modèle, le même fichier que %1 : chaque tenseur reçoit le même type.</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>environ %1</translation>
    </message>
    <message>
        <source>%1 bytes, and the importance matrix&apos;s name, its text&apos;s name and two counts in the metadata (a few hundred bytes more)</source>
        <translation>%1 octets, plus dans les métadonnées le nom de la matrice d’importance, celui de son texte et deux compteurs (quelques centaines d’octets de plus)</translation>
    </message>
</context>
<context>
    <name>qf::ui::PresetText</name>
    <message>
        <source>32-bit floats: exact, four times the size of 8-bit</source>
        <translation>flottants 32 bits : exact, quatre fois la taille du 8 bits</translation>
    </message>
    <message>
        <source>16-bit floats: the usual unquantized model</source>
        <translation>flottants 16 bits : le modèle non quantifié habituel</translation>
    </message>
    <message>
        <source>bfloat16: the range of F32 at half its size, unquantized</source>
        <translation>bfloat16 : la plage de F32 à la moitié de sa taille, non quantifié</translation>
    </message>
    <message>
        <source>8-bit: nearly indistinguishable from F16, half its size</source>
        <translation>8 bits : presque indiscernable de F16, moitié moins grand</translation>
    </message>
    <message>
        <source>6-bit K-quant: very close to F16</source>
        <translation>K-quant 6 bits : très proche de F16</translation>
    </message>
    <message>
        <source>5-bit K-quant, with 6-bit for half of attn_v and ffn_down: high quality</source>
        <translation>K-quant 5 bits, 6 bits pour la moitié de attn_v et ffn_down : haute qualité</translation>
    </message>
    <message>
        <source>5-bit K-quant throughout: high quality, a little smaller</source>
        <translation>K-quant 5 bits partout : haute qualité, un peu plus petit</translation>
    </message>
    <message>
        <source>legacy 5-bit with offsets: superseded by Q5_K_M</source>
        <translation>ancien 5 bits avec décalages : remplacé par Q5_K_M</translation>
    </message>
    <message>
        <source>legacy 5-bit: superseded by Q5_K_S</source>
        <translation>ancien 5 bits : remplacé par Q5_K_S</translation>
    </message>
    <message>
        <source>4-bit K-quant, with 6-bit for half of attn_v and ffn_down: the usual balance of size and quality</source>
        <translation>K-quant 4 bits, 6 bits pour la moitié de attn_v et ffn_down : l’équilibre habituel entre taille et qualité</translation>
    </message>
    <message>
        <source>4-bit K-quant, a few 5-bit tensors: smaller, a bit worse</source>
        <translation>K-quant 4 bits, quelques tenseurs 5 bits : plus petit, un peu moins bon</translation>
    </message>
    <message>
        <source>legacy 4-bit with offsets: superseded by Q4_K_M</source>
        <translation>ancien 4 bits avec décalages : remplacé par Q4_K_M</translation>
    </message>
    <message>
        <source>4-bit non-linear, blocks of 32: Q4_0&apos;s size with better quality</source>
        <translation>4 bits non linéaire, blocs de 32 : la taille de Q4_0 avec une meilleure qualité</translation>
    </message>
    <message>
        <source>legacy 4-bit: fast on many back ends, lower quality</source>
        <translation>ancien 4 bits : rapide sur de nombreux back-ends, qualité moindre</translation>
    </message>
    <message>
        <source>4.25-bit non-linear: close to Q4_K_S quality, smaller</source>
        <translation>4,25 bits non linéaire : proche de la qualité de Q4_K_S, plus petit</translation>
    </message>
    <message>
        <source>3-bit K-quant, 5-bit attn_v, attn_output and ffn_down: the best 3-bit</source>
        <translation>K-quant 3 bits, 5 bits pour attn_v, attn_output et ffn_down : le meilleur 3 bits</translation>
    </message>
    <message>
        <source>3-bit K-quant, 4/5-bit for sensitive tensors</source>
        <translation>K-quant 3 bits, 4/5 bits pour les tenseurs sensibles</translation>
    </message>
    <message>
        <source>3-bit K-quant throughout: small, noticeable loss</source>
        <translation>K-quant 3 bits partout : petit, perte sensible</translation>
    </message>
    <message>
        <source>mixture-of-experts only: experts in MXFP4 (4-bit floats, as gpt-oss ships), the rest 8-bit</source>
        <translation>mélange d&apos;experts uniquement : experts en MXFP4 (flottants 4 bits, comme gpt-oss est publié), le reste en 8 bits</translation>
    </message>
    <message>
        <source>3.4-bit codebook quant, 4-bit attention: about Q3_K_M quality, smaller; best with an imatrix</source>
        <translation>quantification à dictionnaire 3,4 bits, attention en 4 bits : qualité proche de Q3_K_M, plus petit ; meilleur avec une matrice d&apos;importance</translation>
    </message>
    <message>
        <source>3.4-bit codebook quant: better than Q3_K_S at its size; best with an imatrix</source>
        <translation>quantification à dictionnaire 3,4 bits : meilleure que Q3_K_S à taille égale ; meilleur avec une matrice d&apos;importance</translation>
    </message>
    <message>
        <source>3.3-bit codebook mix: needs an imatrix; a little smaller than IQ3_S</source>
        <translation>mélange à dictionnaire 3,3 bits : nécessite une matrice d&apos;importance ; un peu plus petit que IQ3_S</translation>
    </message>
    <message>
        <source>3.06-bit codebook quant: needs an imatrix; near Q3_K_S quality at Q2_K&apos;s size</source>
        <translation>quantification à dictionnaire 3,06 bits : nécessite une matrice d&apos;importance ; qualité proche de Q3_K_S à la taille de Q2_K</translation>
    </message>
    <message>
        <source>2-bit K-quant with 3-bit for sensitive tensors: smallest K-quant, large loss</source>
        <translation>K-quant 2 bits, 3 bits pour les tenseurs sensibles : le plus petit K-quant, forte perte</translation>
    </message>
    <message>
        <source>2-bit K-quant, fewer 3/4-bit tensors: needs an imatrix; IQ2_M is better at its size</source>
        <translation>K-quant 2 bits, moins de tenseurs 3/4 bits : nécessite une matrice d&apos;importance ; IQ2_M est meilleur à taille égale</translation>
    </message>
    <message>
        <source>2.7-bit codebook mix: needs an imatrix; the usable floor for big models on small machines</source>
        <translation>mélange à dictionnaire 2,7 bits : nécessite une matrice d&apos;importance ; le plancher utilisable pour de gros modèles sur de petites machines</translation>
    </message>
    <message>
        <source>2.5-bit codebook mix: needs an imatrix; clearly worse than IQ2_M</source>
        <translation>mélange à dictionnaire 2,5 bits : nécessite une matrice d&apos;importance ; nettement moins bon que IQ2_M</translation>
    </message>
    <message>
        <source>2.3-bit codebook quant: needs an imatrix; large loss</source>
        <translation>quantification à dictionnaire 2,3 bits : nécessite une matrice d&apos;importance ; forte perte</translation>
    </message>
    <message>
        <source>2.06-bit codebook quant: needs an imatrix; large loss, only for very large models</source>
        <translation>quantification à dictionnaire 2,06 bits : nécessite une matrice d&apos;importance ; forte perte, seulement pour de très gros modèles</translation>
    </message>
    <message>
        <source>1.75-bit: needs an imatrix; severe loss, a last resort for huge models</source>
        <translation>1,75 bit : nécessite une matrice d&apos;importance ; perte sévère, dernier recours pour des modèles énormes</translation>
    </message>
    <message>
        <source>1.56-bit: needs an imatrix; severe loss, mostly an experiment</source>
        <translation>1,56 bit : nécessite une matrice d&apos;importance ; perte sévère, surtout une expérience</translation>
    </message>
    <message>
        <source>2-bit levels -1..2 per 64 values: only for models trained for it; unusable on ordinary models</source>
        <translation>niveaux 2 bits -1..2 par 64 valeurs : seulement pour les modèles entraînés pour cela ; inutilisable sur les modèles ordinaires</translation>
    </message>
    <message>
        <source>ternary, 2 bits per weight: only for ternary-trained models (BitNet b1.58, TriLM)</source>
        <translation>ternaire, 2 bits par poids : seulement pour les modèles entraînés en ternaire (BitNet b1.58, TriLM)</translation>
    </message>
    <message>
        <source>ternary, 1.69 bits per weight: only for ternary-trained models (BitNet b1.58, TriLM)</source>
        <translation>ternaire, 1,69 bit par poids : seulement pour les modèles entraînés en ternaire (BitNet b1.58, TriLM)</translation>
    </message>
    <message>
        <source>1-bit signs per 128 values: only for models trained for it; unusable on ordinary models</source>
        <translation>signes 1 bit par 128 valeurs : seulement pour les modèles entraînés pour cela ; inutilisable sur les modèles ordinaires</translation>
    </message>
</context>
<context>
    <name>qf::ui::ProducePage</name>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Produce the chosen presets in one pass over the model (Ctrl+Enter)</source>
        <translation>Produire les préréglages choisis en un seul passage sur le modèle (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Beside Model</source>
        <translation>À côté du modèle</translation>
    </message>
    <message>
        <source>Write new files into the folder of the model they are made from</source>
        <translation>Écrire les nouveaux fichiers dans le dossier du modèle dont ils sont issus</translation>
    </message>
    <message>
        <source>of %1 on this machine</source>
        <translation>sur %1 sur cette machine</translation>
    </message>
    <message>
        <source>&amp;Importance matrix:</source>
        <translation>Matrice d’&amp;importance :</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>Dossier de &amp;sortie :</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads :</translation>
    </message>
    <message>
        <source>Produce</source>
        <translation>Produire</translation>
    </message>
    <message>
        <source>Beside the model</source>
        <translation>À côté du modèle</translation>
    </message>
    <message>
        <source>Output Folder for New Quants</source>
        <translation>Dossier de sortie des nouvelles quantifications</translation>
    </message>
    <message>
        <source>%1 is already quantized</source>
        <translation>%1 est déjà quantifié</translation>
    </message>
    <message>
        <source>Quantizing a quantized model again loses quality, so no preset is offered for it. Open the F16, BF16 or F32 original of this model and produce from that.

%1</source>
        <translation>Quantifier à nouveau un modèle déjà quantifié fait perdre de la qualité ; aucun préréglage n’est donc proposé. Ouvrez l’original F16, BF16 ou F32 de ce modèle et produisez à partir de celui-ci.

%1</translation>
    </message>
    <message>
        <source>No preset can be made from this model</source>
        <translation>Aucun préréglage ne peut être produit depuis ce modèle</translation>
    </message>
    <message>
        <source>Select a model in the list first.</source>
        <translation>Sélectionnez d’abord un modèle dans la liste.</translation>
    </message>
    <message>
        <source>Working out the sizes…</source>
        <translation>Calcul des tailles…</translation>
    </message>
    <message>
        <source>Nothing can be produced from this model (see above).</source>
        <translation>Rien ne peut être produit depuis ce modèle (voir ci-dessus).</translation>
    </message>
    <message>
        <source>Choose one or more presets above.</source>
        <translation>Choisissez un ou plusieurs préréglages ci-dessus.</translation>
    </message>
    <message>
        <source>%1 is already being produced by a job in the queue.</source>
        <translation>%1 est déjà en cours de production par une tâche de la file.</translation>
    </message>
    <message>
        <source>The output folder %1 does not exist.</source>
        <translation>Le dossier de sortie %1 n’existe pas.</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 fichier</translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n fichier</numerusform>
            <numerusform>%n fichiers</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 in total, into %3</source>
        <translation>%1, %2 au total, dans %3</translation>
    </message>
    <message>
        <source>%1 already exists in %2. Replace it?</source>
        <translation>%1 existe déjà dans %2. Le remplacer ?</translation>
    </message>
    <message>
        <source>These files already exist in %1:

%2

Replace them?</source>
        <translation>Ces fichiers existent déjà dans %1 :

%2

Les remplacer ?</translation>
    </message>
    <message>
        <source>Replace Existing Files?</source>
        <translation>Remplacer les fichiers existants ?</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Préréglages</translation>
    </message>
    <message>
        <source>Start producing the chosen presets</source>
        <translation>Lancer la production des préréglages choisis</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Choisir le dossier de sortie</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Producing starts when the importance matrix is computed.</source>
        <translation>La production commence dès que la matrice d’importance est calculée.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message numerus="yes">
        <source>The other %n file(s) are new.</source>
        <translation>
            <numerusform>%n autre fichier est nouveau.</numerusform>
            <numerusform>%n autres fichiers sont nouveaux.</numerusform>
        </translation>
    </message>
    <message>
        <source>Skip Existing</source>
        <translation>Ignorer les existants</translation>
    </message>
    <message>
        <source>Nothing produced: the existing files were kept.</source>
        <translation>Rien n’a été produit : les fichiers existants sont conservés.</translation>
    </message>
    <message>
        <source>%1 needs an importance matrix: choose one, or compute one from text.</source>
        <translation>%1 nécessite une matrice d&apos;importance : choisissez-en une ou calculez-en une à partir d&apos;un texte.</translation>
    </message>
    <message>
        <source>Measures how sensitive each tensor is (cached), chooses a type per tensor within the budget, and writes the file</source>
        <translation>Mesure la sensibilité de chaque tenseur (en cache), choisit un type par tenseur dans le budget et écrit le fichier</translation>
    </message>
    <message>
        <source>Custom mix within %1 (from Recommend)</source>
        <translation>Mélange sur mesure dans %1 (depuis Recommander)</translation>
    </message>
    <message>
        <source>Custom mix (%1)</source>
        <translation>Mélange sur mesure (%1)</translation>
    </message>
    <message>
        <source>Split into parts of at most</source>
        <translation>Découper en parties d’au plus</translation>
    </message>
    <message>
        <source>Writes each file as name-00001-of-0000N.gguf parts, as llama.cpp&apos;s gguf-split does; llama.cpp and Quantforge open the first part as the whole model</source>
        <translation>Écrit chaque fichier en parties name-00001-of-0000N.gguf, comme gguf-split de llama.cpp ; llama.cpp et Quantforge ouvrent la première partie comme le modèle entier</translation>
    </message>
    <message>
        <source>Largest part in GB</source>
        <translation>Plus grande partie en Go</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> Go</translation>
    </message>
    <message>
        <source>Large files:</source>
        <translation>Gros fichiers :</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>environ %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::QuantizeJobRunner</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Unexpected error while quantizing: %1</source>
        <translation>Erreur inattendue pendant la quantification : %1</translation>
    </message>
    <message>
        <source>Custom mix: %1</source>
        <translation>Mélange sur mesure : %1</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>Mélange sur mesure</translation>
    </message>
    <message>
        <source>Measuring sensitivity: %1</source>
        <translation>Mesure de la sensibilité : %1</translation>
    </message>
    <message>
        <source>Checking the source (sha256 for the reproducibility record)</source>
        <translation>Vérification de la source (sha256 pour l’enregistrement de reproductibilité)</translation>
    </message>
    <message>
        <source>The files were written, but not the reproducibility record: %1</source>
        <translation>Les fichiers ont été écrits, mais pas l’enregistrement de reproductibilité : %1</translation>
    </message>
</context>
<context>
    <name>qf::ui::RecommendPage</name>
    <message>
        <source>Produce Selected</source>
        <translation>Produire la sélection</translation>
    </message>
    <message>
        <source>Open the Produce page with the checked presets</source>
        <translation>Ouvrir la page Produire avec les préréglages cochés</translation>
    </message>
    <message>
        <source>F16 (default)</source>
        <translation>F16 (par défaut)</translation>
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
        <translation>--cache-type-k/-v de llama.cpp : un cache KV quantifié nécessite moins de mémoire</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Contexte :</translation>
    </message>
    <message>
        <source>KV cache:</source>
        <translation>Cache KV :</translation>
    </message>
    <message>
        <source>Recommend</source>
        <translation>Recommandation</translation>
    </message>
    <message>
        <source>Planning every preset for %1…</source>
        <translation>Planification de tous les préréglages pour %1…</translation>
    </message>
    <message>
        <source>Cannot recommend for this model: %1</source>
        <translation>Impossible de faire une recommandation pour ce modèle : %1</translation>
    </message>
    <message>
        <source>Detecting this machine…</source>
        <translation>Détection de cette machine…</translation>
    </message>
    <message>
        <source>Open a model to see which preset suits this machine.</source>
        <translation>Ouvrez un modèle pour voir quel préréglage convient à cette machine.</translation>
    </message>
    <message>
        <source>Recommended: %1</source>
        <translation>Recommandé : %1</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 jetons</translation>
    </message>
    <message>
        <source>Produce %1 Selected</source>
        <translation>Produire les %1 sélectionnés</translation>
    </message>
    <message>
        <source>Presets for this machine</source>
        <translation>Préréglages pour cette machine</translation>
    </message>
    <message>
        <source>Nothing fits</source>
        <translation>Rien ne tient</translation>
    </message>
    <message>
        <source>No preset can be made from this file</source>
        <translation>Aucun préréglage ne peut être produit à partir de ce fichier</translation>
    </message>
    <message>
        <source>%1, fully on the GPU</source>
        <translation>%1, entièrement sur le GPU</translation>
    </message>
    <message>
        <source>%1, %2 of %3 layers on the GPU</source>
        <translation>%1, %2 couches sur %3 sur le GPU</translation>
    </message>
    <message>
        <source>%1, on the CPU</source>
        <translation>%1, sur le CPU</translation>
    </message>
    <message>
        <source>Expected quality: %1.</source>
        <translation>Qualité attendue : %1.</translation>
    </message>
    <message>
        <source>Fit This Machine</source>
        <translation>Adapter à cette machine</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <source>The custom mix&apos;s whole file size; by default what fits this machine at this context</source>
        <translation>La taille totale du fichier du mélange ; par défaut, ce qui tient sur cette machine avec ce contexte</translation>
    </message>
    <message>
        <source>Make the budget what fits this machine at this context again</source>
        <translation>Ramener le budget à ce qui tient sur cette machine avec ce contexte</translation>
    </message>
    <message>
        <source>Custom mix budget:</source>
        <translation>Budget du mélange :</translation>
    </message>
    <message>
        <source>Measure Sensitivity</source>
        <translation>Mesurer la sensibilité</translation>
    </message>
    <message>
        <source>Stop Measuring</source>
        <translation>Arrêter la mesure</translation>
    </message>
    <message>
        <source>Made from GGUF files only</source>
        <translation>Uniquement à partir de fichiers GGUF</translation>
    </message>
    <message>
        <source>Measuring sensitivity…</source>
        <translation>Mesure de la sensibilité…</translation>
    </message>
    <message>
        <source>Measuring sensitivity… %1 %</source>
        <translation>Mesure de la sensibilité… %1 %</translation>
    </message>
    <message>
        <source>Not measured yet: Measure Sensitivity predicts its quality</source>
        <translation>Pas encore mesuré : Mesurer la sensibilité prévoit sa qualité</translation>
    </message>
    <message>
        <source>Measuring stopped: Measure Sensitivity starts again</source>
        <translation>Mesure arrêtée : Mesurer la sensibilité recommence</translation>
    </message>
    <message>
        <source>Predicting…</source>
        <translation>Prévision…</translation>
    </message>
    <message>
        <source>Not measured yet</source>
        <translation>Pas encore mesuré</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
</context>
<context>
    <name>qf::ui::RecommendPhrase</name>
    <message>
        <source>%1 of KV cache (%2, %3 tokens)</source>
        <translation>%1 de cache KV (%2, %3 jetons)</translation>
    </message>
    <message>
        <source>%1 of weights, %2 and about %3 of compute buffer make %4</source>
        <translation>%1 de poids, %2 et environ %3 de tampon de calcul font %4</translation>
    </message>
    <message>
        <source>the %1 the GPU may use of unified memory (working-set limit %2, %3 of RAM minus %4 for the OS)</source>
        <translation>les %1 de mémoire unifiée que le GPU peut utiliser (limite de l&apos;ensemble de travail %2, %3 de RAM moins %4 pour le système)</translation>
    </message>
    <message>
        <source>the %1 the GPU may use of unified memory (estimated working-set limit %2, %3 of RAM minus %4 for the OS)</source>
        <translation>les %1 de mémoire unifiée que le GPU peut utiliser (limite estimée de l&apos;ensemble de travail %2, %3 de RAM moins %4 pour le système)</translation>
    </message>
    <message>
        <source>the %1 usable on the GPU (%2 minus %3 for the driver and desktop)</source>
        <translation>les %1 utilisables sur le GPU (%2 moins %3 pour le pilote et le bureau)</translation>
    </message>
    <message>
        <source>the %1 of RAM usable (%2 minus %3 kept for the OS)</source>
        <translation>les %1 de RAM utilisables (%2 moins %3 réservés au système)</translation>
    </message>
    <message>
        <source>%1 fits fully on the GPU: %2, within %3; the token embedding (%4) stays in system RAM.</source>
        <translation>%1 tient entièrement sur le GPU : %2, dans %3 ; l&apos;embedding des jetons (%4) reste en RAM système.</translation>
    </message>
    <message>
        <source>%1 runs from system RAM: %2, within %3.</source>
        <translation>%1 tourne depuis la RAM système : %2, dans %3.</translation>
    </message>
    <message>
        <source>Q4_K_M cannot be made from this file%1</source>
        <translation>Q4_K_M ne peut pas être produit à partir de ce fichier%1</translation>
    </message>
    <message>
        <source>Q4_K_M is the usual balance of size and quality%1</source>
        <translation>Q4_K_M est le compromis habituel entre taille et qualité%1</translation>
    </message>
    <message>
        <source>Started from Q4_K_M, the usual balance of size and quality, and went up while it still fit%1</source>
        <translation>Parti de Q4_K_M, le compromis habituel entre taille et qualité, on est monté tant que cela tenait%1</translation>
    </message>
    <message>
        <source>; %1 would need %2.</source>
        <translation> ; %1 demanderait %2.</translation>
    </message>
    <message>
        <source>; Q8_0 is the top of the usual range (F16 doubles the size for no measurable gain).</source>
        <translation> ; Q8_0 est le haut de la gamme habituelle (F16 double la taille sans gain mesurable).</translation>
    </message>
    <message>
        <source>.</source>
        <translation>.</translation>
    </message>
    <message>
        <source>On the CPU speed falls with size: Q4_K_M would generate about %1x as fast.</source>
        <translation>Sur le CPU la vitesse baisse avec la taille : Q4_K_M générerait environ %1 fois plus vite.</translation>
    </message>
    <message>
        <source>%1 would need %2, more than %3.</source>
        <translation>%1 demanderait %2, plus que %3.</translation>
    </message>
    <message>
        <source>Among the 4-bit presets it is the best that fits; Q4_K_M with part of its layers on the GPU would be slower.</source>
        <translation>Parmi les préréglages 4 bits, c&apos;est le meilleur qui tienne ; Q4_K_M avec une partie de ses couches sur le GPU serait plus lent.</translation>
    </message>
    <message>
        <source>Among the 4-bit presets it is the best that fits.</source>
        <translation>Parmi les préréglages 4 bits, c&apos;est le meilleur qui tienne.</translation>
    </message>
    <message>
        <source>%1 needs %2 to run fully on the GPU with this context, more than %3. So %4 of its %5 layers go to the GPU (%6 there) and the rest run from system RAM (%7 of %8 usable).</source>
        <translation>%1 demande %2 pour tourner entièrement sur le GPU avec ce contexte, plus que %3. Donc %4 de ses %5 couches vont sur le GPU (%6 là-bas) et le reste tourne depuis la RAM système (%7 sur %8 utilisables).</translation>
    </message>
    <message>
        <source>Not one layer of %1 fits in %2, so it runs from system RAM: %3, within %4.</source>
        <translation>Pas une seule couche de %1 ne tient dans %2, donc il tourne depuis la RAM système : %3, dans %4.</translation>
    </message>
    <message>
        <source>Higher presets would leave more layers on the CPU and run slower.</source>
        <translation>Des préréglages plus hauts laisseraient plus de couches sur le CPU et seraient plus lents.</translation>
    </message>
    <message>
        <source>%1 would fit fully on the GPU and run faster, but it is below 4 bits.</source>
        <translation>%1 tiendrait entièrement sur le GPU et serait plus rapide, mais il est sous 4 bits.</translation>
    </message>
    <message>
        <source>fully on the GPU</source>
        <translation>entièrement sur le GPU</translation>
    </message>
    <message>
        <source>with %1 of %2 layers on the GPU</source>
        <translation>avec %1 couches sur %2 sur le GPU</translation>
    </message>
    <message>
        <source>from system RAM</source>
        <translation>depuis la RAM système</translation>
    </message>
    <message>
        <source>Even %1 does not fit: it needs %2 with this context, more than the %3 usable. %4 is the largest preset that does, %5 (%6 needed).</source>
        <translation>Même %1 ne tient pas : il demande %2 avec ce contexte, plus que les %3 utilisables. %4 est le plus grand préréglage qui tienne, %5 (%6 nécessaires).</translation>
    </message>
    <message>
        <source>%1 is below 4 bits per weight: expect a clear loss of quality. When quality matters, a smaller model at Q4_K_M or higher is usually the better choice.</source>
        <translation>%1 est sous 4 bits par poids : attendez-vous à une nette perte de qualité. Si la qualité compte, un modèle plus petit en Q4_K_M ou plus est en général un meilleur choix.</translation>
    </message>
    <message>
        <source>%1 needs an importance matrix: compute one from calibration text (quantforge-cli imatrix) before producing it.</source>
        <translation>%1 nécessite une matrice d&apos;importance : calculez-en une à partir d&apos;un texte de calibration (page Produire ou quantforge-cli imatrix) avant de le produire.</translation>
    </message>
    <message>
        <source>Even the smallest preset, %1, needs %2 with a %3-token context (%4 of it KV cache), more than the %5 this machine has usable.</source>
        <translation>Même le plus petit préréglage, %1, demande %2 avec un contexte de %3 jetons (dont %4 de cache KV), plus que les %5 utilisables sur cette machine.</translation>
    </message>
    <message>
        <source>Even the smallest preset, %1, needs %2 with a %3-token context (%4 of it KV cache), more than the %5 this machine has usable in RAM and GPU memory together.</source>
        <translation>Même le plus petit préréglage, %1, demande %2 avec un contexte de %3 jetons (dont %4 de cache KV), plus que les %5 utilisables sur cette machine en RAM et mémoire GPU réunies.</translation>
    </message>
    <message>
        <source>No presets.</source>
        <translation>Aucun préréglage.</translation>
    </message>
    <message>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>With a context of %1 tokens, %2 would fit.</source>
        <translation>Avec un contexte de %1 jetons, %2 tiendrait.</translation>
    </message>
    <message>
        <source>With a context of %1 tokens, %2 would fit fully on the GPU.</source>
        <translation>Avec un contexte de %1 jetons, %2 tiendrait entièrement sur le GPU.</translation>
    </message>
    <message>
        <source>With a context of %1 tokens, %2 would fit in RAM.</source>
        <translation>Avec un contexte de %1 jetons, %2 tiendrait en RAM.</translation>
    </message>
    <message>
        <source>With a %1 KV cache (%2 instead of %3), %4 would fit.</source>
        <translation>Avec un cache KV %1 (%2 au lieu de %3), %4 tiendrait.</translation>
    </message>
    <message>
        <source>With a %1 KV cache (%2 instead of %3), %4 would fit fully on the GPU.</source>
        <translation>Avec un cache KV %1 (%2 au lieu de %3), %4 tiendrait entièrement sur le GPU.</translation>
    </message>
    <message>
        <source>With a %1 KV cache (%2 instead of %3), %4 would fit in RAM.</source>
        <translation>Avec un cache KV %1 (%2 au lieu de %3), %4 tiendrait en RAM.</translation>
    </message>
    <message>
        <source>A GPU with %1 of memory would hold %2 completely.</source>
        <translation>Un GPU avec %1 de mémoire contiendrait %2 entièrement.</translation>
    </message>
    <message>
        <source>A smaller model would fit: about %1 B parameters at %2 with this context (this one has %3 B).</source>
        <translation>Un modèle plus petit tiendrait : environ %1 G de paramètres en %2 avec ce contexte (celui-ci en a %3 G).</translation>
    </message>
    <message>
        <source>The context (%1 tokens) is longer than the model was trained for (%2 tokens).</source>
        <translation>Le contexte (%1 jetons) est plus long que celui de l&apos;entraînement du modèle (%2 jetons).</translation>
    </message>
</context>
<context>
    <name>qf::ui::RecommendTableModel</name>
    <message>
        <source>Fits on GPU</source>
        <translation>Tient sur le GPU</translation>
    </message>
    <message>
        <source>Partial: %1 of %2 layers on GPU</source>
        <translation>Partiel : %1 couches sur %2 sur le GPU</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>CPU uniquement</translation>
    </message>
    <message>
        <source>Does not fit</source>
        <translation>Ne tient pas</translation>
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
        <translation>inconnu</translation>
    </message>
    <message>
        <source>lossless (unquantized)</source>
        <translation>sans perte (non quantifié)</translation>
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
        <translation>%1 (mesuré)</translation>
    </message>
    <message>
        <source>Cannot be made</source>
        <translation>Impossible à produire</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Exact file size: %1 bytes, %2 bits per weight</source>
        <translation>Taille exacte du fichier : %1 octets, %2 bits par poids</translation>
    </message>
    <message>
        <source>Weights %1 (exact) + KV cache %2 (exact) + compute buffer about %3 (estimate) = %4</source>
        <translation>Poids %1 (exact) + cache KV %2 (exact) + tampon de calcul d’environ %3 (estimation) = %4</translation>
    </message>
    <message>
        <source>Estimate: tokens per second relative to this model&apos;s F16 weights read from system RAM (memory-bandwidth model)</source>
        <translation>Estimation : jetons par seconde par rapport aux poids F16 de ce modèle lus depuis la RAM système (modèle de bande passante mémoire)</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Préréglage</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Taille du fichier</translation>
    </message>
    <message>
        <source>Memory needed</source>
        <translation>Mémoire nécessaire</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Tient</translation>
    </message>
    <message>
        <source>Expected quality</source>
        <translation>Qualité attendue</translation>
    </message>
    <message>
        <source>Speed (est.)</source>
        <translation>Vitesse (est.)</translation>
    </message>
    <message>
        <source>Exact: from the quantization plan</source>
        <translation>Exact : d’après le plan de quantification</translation>
    </message>
    <message>
        <source>Weights and KV cache are exact; the compute buffer is an estimate</source>
        <translation>Les poids et le cache KV sont exacts ; le tampon de calcul est estimé</translation>
    </message>
    <message>
        <source>Measured on this model when available; otherwise the typical value for the preset (an estimate)</source>
        <translation>Mesurée sur ce modèle si disponible ; sinon la valeur typique du préréglage (estimation)</translation>
    </message>
    <message>
        <source>Estimated tokens per second relative to F16 read from system RAM</source>
        <translation>Jetons par seconde estimés par rapport au F16 lu depuis la RAM système</translation>
    </message>
    <message>
        <source>lossless</source>
        <translation>sans perte</translation>
    </message>
    <message>
        <source>near-lossless</source>
        <translation>quasi sans perte</translation>
    </message>
    <message>
        <source>very good</source>
        <translation>très bonne</translation>
    </message>
    <message>
        <source>reduced</source>
        <translation>réduite</translation>
    </message>
    <message>
        <source>low</source>
        <translation>faible</translation>
    </message>
    <message>
        <source>%1 · ΔPPL within ± %2 %</source>
        <translation>%1 · ΔPPL dans ± %2 %</translation>
    </message>
    <message>
        <source>%1 (est. from this model)</source>
        <translation>%1 (est. d’après ce modèle)</translation>
    </message>
    <message>
        <source>%1 (typical, est.)</source>
        <translation>%1 (typique, est.)</translation>
    </message>
    <message>
        <source>Measured on this model: %1</source>
        <translation>Mesuré sur ce modèle : %1</translation>
    </message>
    <message>
        <source>Estimated from what was measured on this model (interpolated along bits per weight); evaluate this preset to measure it.</source>
        <translation>Estimé d’après les mesures sur ce modèle (interpolé selon les bits par poids) ; évaluez ce préréglage pour le mesurer.</translation>
    </message>
    <message>
        <source>Typical value on a small reference model (llama.cpp&apos;s perplexity and KL divergence); an estimate: evaluate quants on the Compare page to measure this model.</source>
        <translation>Valeur typique sur un petit modèle de référence (perplexité et divergence KL de llama.cpp) ; une estimation : évaluez des quants sur la page « Comparer » pour mesurer ce modèle.</translation>
    </message>
    <message>
        <source>%1 (= %2)</source>
        <translation>%1 (= %2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n fallback(s))</source>
        <translation>
            <numerusform>%1 (%n repli)</numerusform>
            <numerusform>%1 (%n replis)</numerusform>
        </translation>
    </message>
    <message>
        <source>Same file as %1 on this model: its rows do not fit this preset&apos;s blocks (%2).</source>
        <translation>Même fichier que %1 pour ce modèle : ses lignes ne tiennent pas dans les blocs de ce préréglage (%2).</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) use a fallback type: %1.</source>
        <translation>
            <numerusform>%n tenseur utilise un type de repli : %1.</numerusform>
            <numerusform>%n tenseurs utilisent un type de repli : %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2 for %n tensor(s)</source>
        <translation>
            <numerusform>%1 → %2 pour %n tenseur</numerusform>
            <numerusform>%1 → %2 pour %n tenseurs</numerusform>
        </translation>
    </message>
    <message>
        <source>Same file as %1 on this model: every tensor gets the same type.</source>
        <translation>Sur ce modèle, le même fichier que %1 : chaque tenseur reçoit le même type.</translation>
    </message>
    <message>
        <source>Custom mix — fits this machine exactly</source>
        <translation>Mélange sur mesure — tient exactement sur cette machine</translation>
    </message>
    <message>
        <source>≤ %1</source>
        <translation>≤ %1</translation>
    </message>
    <message>
        <source>KLD %1 ± %2 (measured) · %3 predicted</source>
        <translation>KLD %1 ± %2 (mesurée) · %3 prévue</translation>
    </message>
    <message>
        <source>KLD %1 (predicted)</source>
        <translation>KLD %1 (prévue)</translation>
    </message>
    <message>
        <source>Standard GGUF types chosen tensor by tensor from this model&apos;s measured sensitivity, so that the predicted loss (KL divergence) is least within %1: the largest file this machine holds at this context%2.</source>
        <translation>Types GGUF standard choisis tenseur par tenseur d&apos;après la sensibilité mesurée de ce modèle, pour que la perte prévue (divergence KL) soit minimale dans %1 : le plus grand fichier que cette machine peut contenir avec ce contexte%2.</translation>
    </message>
    <message>
        <source>, at most the largest preset&apos;s size</source>
        <translation>, au plus la taille du plus grand préréglage</translation>
    </message>
    <message>
        <source>Budget: %1 bytes</source>
        <translation>Budget : %1 octets</translation>
    </message>
    <message>
        <source>Predicted: the sum of each tensor&apos;s measured KL divergence on the calibration text. Measured: the produced file evaluated on the Compare page.</source>
        <translation>Prévue : la somme des divergences KL mesurées de chaque tenseur sur le texte de calibration. Mesurée : le fichier produit, évalué sur la page Comparer.</translation>
    </message>
    <message>
        <source>within ± %1 %</source>
        <translation>dans ± %1 %</translation>
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
        <translation>KLD %1 ± %2 (mesuré)</translation>
    </message>
    <message>
        <source>KLD %1 (measured)</source>
        <translation>KLD %1 (mesuré)</translation>
    </message>
    <message>
        <source>KLD %1 (pred.)</source>
        <translation>KLD %1 (prévu)</translation>
    </message>
    <message>
        <source>Custom mix</source>
        <translation>Mélange sur mesure</translation>
    </message>
    <message>
        <source>File size: %1 bytes, %2 bits per weight, and the importance matrix&apos;s name, its text&apos;s name and two counts in the metadata (a few hundred bytes more)</source>
        <translation>Taille du fichier : %1 octets, %2 bits par poids, plus dans les métadonnées le nom de la matrice d’importance, celui de son texte et deux compteurs (quelques centaines d’octets de plus)</translation>
    </message>
</context>
<context>
    <name>qf::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>Tous (%1)</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Worker threads for producing files; 0 uses all of this machine&apos;s threads</source>
        <translation>Threads de travail pour produire les fichiers ; 0 utilise tous les threads de cette machine</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads :</translation>
    </message>
    <message>
        <source>Default presets</source>
        <translation>Préréglages par défaut</translation>
    </message>
    <message>
        <source>Checked presets are chosen on the Produce page when a model is opened; with none checked the recommendation decides</source>
        <translation>Les préréglages cochés sont choisis sur la page « Produire » à l’ouverture d’un modèle ; si aucun n’est coché, la recommandation décide</translation>
    </message>
    <message>
        <source>Default &amp;presets:</source>
        <translation>&amp;Préréglages par défaut :</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>Dossier de &amp;sortie :</translation>
    </message>
    <message>
        <source>Beside the model</source>
        <translation>À côté du modèle</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>RAM kept for the OS</source>
        <translation>Mémoire réservée au système</translation>
    </message>
    <message>
        <source>RAM kept for the &amp;OS:</source>
        <translation>Mémoire réservée au &amp;système :</translation>
    </message>
    <message>
        <source>Used by the Recommend page for this machine</source>
        <translation>Utilisé par la page « Recommandation » pour cette machine</translation>
    </message>
    <message>
        <source>&amp;Calibration text:</source>
        <translation>Texte de &amp;calibration :</translation>
    </message>
    <message>
        <source>Bundled text</source>
        <translation>Texte fourni</translation>
    </message>
    <message>
        <source>Text for computing importance matrices (default: %1)</source>
        <translation>Texte pour calculer les matrices d’importance (par défaut : %1)</translation>
    </message>
    <message>
        <source>&amp;Evaluation text:</source>
        <translation>Texte d’é&amp;valuation :</translation>
    </message>
    <message>
        <source>Text the Compare page evaluates on (default: %1)</source>
        <translation>Texte sur lequel la page « Comparer » évalue (par défaut : %1)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Takes effect when Quantforge is started again.</source>
        <translation>Prend effet au prochain démarrage de Quantforge.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>Use the reference kernels (slower; for comparing results)</source>
        <translation>Utiliser les noyaux de référence (plus lent ; pour comparer les résultats)</translation>
    </message>
    <message>
        <source>Quantizes with the portable scalar code instead of this CPU&apos;s vector instructions</source>
        <translation>Quantifie avec le code scalaire portable au lieu des instructions vectorielles de ce processeur</translation>
    </message>
    <message>
        <source>&amp;Kernels:</source>
        <translation>&amp;Noyaux :</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Choose: %1</source>
        <translation>Choisir : %1</translation>
    </message>
    <message>
        <source>Text files (*.txt *.zst);;All files (*)</source>
        <translation>Fichiers texte (*.txt *.zst);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Clear Cache…</source>
        <translation>Vider le cache…</translation>
    </message>
    <message>
        <source>Clear the cache</source>
        <translation>Vider le cache</translation>
    </message>
    <message>
        <source>Clear Cache?</source>
        <translation>Vider le cache ?</translation>
    </message>
    <message>
        <source>Remove %1 of converted models and cached measurements from %2? They are made again when needed.</source>
        <translation>Supprimer %1 de modèles convertis et de mesures en cache de %2 ? Ils seront recréés au besoin.</translation>
    </message>
    <message>
        <source>Cache:</source>
        <translation>Cache :</translation>
    </message>
    <message>
        <source>%1 of converted models and cached measurements</source>
        <translation>%1 de modèles convertis et de mesures en cache</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>Vide</translation>
    </message>
    <message>
        <source>Clear Cache</source>
        <translation>Vider le cache</translation>
    </message>
</context>
<context>
    <name>qf::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>qf::ui::SideBySideView</name>
    <message>
        <source>&amp;Prompt:</source>
        <translation>&amp;Invite :</translation>
    </message>
    <message>
        <source>Text every file continues</source>
        <translation>Texte que chaque fichier poursuit</translation>
    </message>
    <message>
        <source>Ma&amp;x:</source>
        <translation>Ma&amp;x :</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> jetons</translation>
    </message>
    <message>
        <source>The most tokens each file generates</source>
        <translation>Nombre maximal de jetons générés par chaque fichier</translation>
    </message>
    <message>
        <source>Temperat&amp;ure:</source>
        <translation>Temp&amp;érature :</translation>
    </message>
    <message>
        <source>0 (greedy)</source>
        <translation>0 (glouton)</translation>
    </message>
    <message>
        <source>0 always picks the most likely token, so every run gives the same text</source>
        <translation>0 choisit toujours le jeton le plus probable : chaque exécution donne le même texte</translation>
    </message>
    <message>
        <source>See&amp;d:</source>
        <translation>Grai&amp;ne :</translation>
    </message>
    <message>
        <source>The same seed and temperature give the same text</source>
        <translation>La même graine et la même température donnent le même texte</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <source>Generate with every file at once</source>
        <translation>Générer avec tous les fichiers à la fois</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>Arrê&amp;ter</translation>
    </message>
    <message>
        <source>Stop every generation; the text so far stays</source>
        <translation>Arrêter toutes les générations ; le texte déjà produit reste</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Select a model to run a prompt on it and its quants.</source>
        <translation>Sélectionnez un modèle pour lancer une invite sur lui et ses quantifications.</translation>
    </message>
    <message>
        <source>Type a prompt first.</source>
        <translation>Saisissez d’abord une invite.</translation>
    </message>
    <message>
        <source>%1 tokens · %2 tok/s</source>
        <translation>%1 jetons · %2 jetons/s</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Génération…</translation>
    </message>
    <message numerus="yes">
        <source>Generating with %n file(s)…</source>
        <translation>
            <numerusform>Génération avec %n fichier…</numerusform>
            <numerusform>Génération avec %n fichiers…</numerusform>
        </translation>
    </message>
    <message>
        <source>Generating… %1 tokens</source>
        <translation>Génération… %1 jetons</translation>
    </message>
    <message>
        <source>Output of %1</source>
        <translation>Sortie de %1</translation>
    </message>
    <message>
        <source>Once upon a time, in a small town by the sea,</source>
        <translation>Il était une fois, dans une petite ville au bord de la mer,</translation>
    </message>
</context>
<context>
    <name>qf::ui::SizeQualityChart</name>
    <message>
        <source>File size (MB)</source>
        <translation>Taille du fichier (Mo)</translation>
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
        <translation>&lt;br&gt;KLD moy. %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;Source (reference)</source>
        <translation>&lt;br&gt;Source (référence)</translation>
    </message>
    <message>
        <source>No measurements yet: press Evaluate</source>
        <translation>Aucune mesure pour l’instant : appuyez sur Évaluer</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>Front de Pareto</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>Impossible d’écrire %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Size and quality chart</source>
        <translation>Graphique taille et qualité</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>Perplexité</translation>
    </message>
    <message>
        <source>Mean KLD</source>
        <translation>KLD moyenne</translation>
    </message>
    <message>
        <source>%1: %2 MB, KLD %3</source>
        <translation>%1 : %2 Mo, KLD %3</translation>
    </message>
</context>
<context>
    <name>qf::ui::SourceView</name>
    <message>
        <source>No model selected</source>
        <translation>Aucun modèle sélectionné</translation>
    </message>
    <message>
        <source>Select a model in the list, or drop GGUF files onto the window.</source>
        <translation>Sélectionnez un modèle dans la liste ou déposez des fichiers GGUF sur la fenêtre.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>Impossible d’ouvrir %1</translation>
    </message>
    <message>
        <source>Model pages</source>
        <translation>Pages du modèle</translation>
    </message>
</context>
<context>
    <name>qf::ui::TensorTableModel</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 octets</translation>
    </message>
    <message>
        <source>%1 elements</source>
        <translation>%1 éléments</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>Tenseur</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Forme</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
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
        <translation>moins d’une seconde restante</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>environ %1 s restantes</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>environ %1 min restantes</translation>
    </message>
    <message>
        <source>about %1 h %2 min left</source>
        <translation>environ %1 h %2 min restantes</translation>
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
