#include "pages/recommend_page.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>

#include "format.h"
#include "models/recommend_table_model.h"
#include "recommend_phrases.h"
#include "pages/machine_card_widget.h"
#include "qf/mix/machine_budget.h"
#include "widgets/fitting_text_delegate.h"
#include "widgets/palette_colors.h"

namespace qf::ui {
namespace {

// The slider's steps: the context lengths people choose, from a short chat to the longest models.
constexpr std::array<quint64, 10> kContextSteps = {256,  512,   1024,  2048,  4096,
                                                   8192, 16384, 32768, 65536, 131072};
constexpr quint64 kDefaultContext = 4096;

int stepFor(quint64 tokens) {
    int best = 0;
    for (int i = 0; i < int(kContextSteps.size()); ++i)
        if (std::abs(std::log2(double(kContextSteps[size_t(i)])) - std::log2(double(tokens))) <
            std::abs(std::log2(double(kContextSteps[size_t(best)])) - std::log2(double(tokens))))
            best = i;
    return best;
}

QLabel* wrappedLabel(QWidget* parent, const char* name) {
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString bulletList(const std::vector<recommend::Phrase>& lines) {
    QStringList items;
    for (const auto& line : lines)
        items << QStringLiteral("• ") + translatePhrase(line);
    return items.join(QLatin1Char('\n'));
}

} // namespace

RecommendPage::RecommendPage(QThreadPool* taskPool, bool detectHardware, QWidget* parent)
    : SourcePage(parent), m_taskPool(taskPool), m_machineCard(new MachineCardWidget(this)),
      m_contextSlider(new QSlider(Qt::Horizontal, this)), m_contextLabel(new QLabel(this)),
      m_kvCombo(new QComboBox(this)), m_status(wrappedLabel(this, "recommendStatus")),
      m_headline(wrappedLabel(this, "recommendationHeadline")),
      m_explanation(wrappedLabel(this, "recommendationExplanation")),
      m_warnings(wrappedLabel(this, "recommendationWarnings")),
      m_suggestions(wrappedLabel(this, "recommendationSuggestions")), m_view(new QTableView(this)),
      m_table(new RecommendTableModel(this)), m_produceButton(new QPushButton(tr("Produce Selected"), this)),
      m_mixBudgetSpin(new QDoubleSpinBox(this)), m_mixMeasureButton(new QPushButton(this)),
      m_mixResetButton(new QPushButton(tr("Fit This Machine"), this)) {
    setObjectName(QStringLiteral("recommendPage"));
    connect(m_machineCard, &MachineCardWidget::machineChanged, this, &RecommendPage::recompute);

    QFont headlineFont = m_headline->font();
    headlineFont.setBold(true);
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.2);
    m_headline->setFont(headlineFont);
    setTextColor(m_warnings, warningTextColor(m_warnings->palette()));

    m_view->setObjectName(QStringLiteral("recommendTable"));
    m_view->setAccessibleName(tr("Presets for this machine"));
    m_view->setModel(m_table);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(false);
    // The quality column takes what is left; where its text does not fit, a shorter form shows (issue 13).
    m_view->setItemDelegate(new FittingTextDelegate(m_view));
    for (int c = 0; c < RecommendTableModel::ColumnCount; ++c)
        m_view->horizontalHeader()->setSectionResizeMode(c, c == RecommendTableModel::QualityColumn
                                                                ? QHeaderView::Stretch
                                                                : QHeaderView::ResizeToContents);
    connect(m_table, &RecommendTableModel::checkedPresetsEdited, this, [this] {
        m_checksEdited = true;
        updateProduceButton();
    });

    m_produceButton->setObjectName(QStringLiteral("produceSelectedButton"));
    m_produceButton->setToolTip(tr("Open the Produce page with the checked presets"));
    connect(m_produceButton, &QPushButton::clicked, this, [this] {
        const QStringList presets = selectedPresets();
        const bool mix = m_table->isMixChecked() && m_file && m_file->file;
        if (mix) {
            MixSettings settings = m_mixSettings;
            settings.modelPath = m_file->displayPath();
            emit produceMixRequested(m_mixBudget, settings);
        }
        if (!presets.isEmpty() || mix) emit produceRequested(presets);
    });

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_produceButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(m_machineCard);
    layout->addWidget(createSettingsRow());
    layout->addSpacing(6);
    layout->addWidget(m_headline);
    layout->addWidget(m_explanation);
    layout->addWidget(m_warnings);
    layout->addWidget(m_suggestions);
    layout->addWidget(m_view, 1);
    layout->addWidget(createMixRow());
    layout->addLayout(bottom);

    updateContextLabel();
    showRecommendation();
    if (detectHardware && m_taskPool) {
        auto* job = new HardwareDetectJob(m_taskPool);
        connect(job, &HardwareDetectJob::detected, this, &RecommendPage::setDetectedHardware);
        m_taskPool->start(job);
    }
}

QWidget* RecommendPage::createSettingsRow() {
    auto* row = new QWidget(this);
    m_contextSlider->setObjectName(QStringLiteral("contextSlider"));
    m_contextSlider->setRange(0, int(kContextSteps.size()) - 1);
    m_contextSlider->setPageStep(1);
    m_contextSlider->setTickPosition(QSlider::TicksBelow);
    m_contextSlider->setValue(stepFor(m_context));
    connect(m_contextSlider, &QSlider::valueChanged, this, [this](int step) {
        if (kContextSteps[size_t(step)] == m_context) return;
        m_context = kContextSteps[size_t(step)];
        m_contextChosen = true;
        updateContextLabel();
        recompute();
    });
    m_contextLabel->setObjectName(QStringLiteral("contextLabel"));
    m_contextLabel->setMinimumWidth(
        m_contextLabel->fontMetrics().horizontalAdvance(QStringLiteral("131,072 tokens  ")));

    m_kvCombo->setObjectName(QStringLiteral("kvTypeCombo"));
    m_kvCombo->addItem(tr("F16 (default)"), int(GgmlType::F16));
    m_kvCombo->addItem(tr("Q8_0"), int(GgmlType::Q8_0));
    m_kvCombo->addItem(tr("Q4_0"), int(GgmlType::Q4_0));
    m_kvCombo->setToolTip(tr("llama.cpp's --cache-type-k/-v: a quantized KV cache needs less memory"));
    connect(m_kvCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_kvType = GgmlType(m_kvCombo->currentData().toInt());
        recompute();
    });

    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    // The labels are the controls' buddies, which is also what screen readers announce them by.
    auto* contextLabel = new QLabel(tr("Context:"), row);
    contextLabel->setBuddy(m_contextSlider);
    auto* kvLabel = new QLabel(tr("KV cache:"), row);
    kvLabel->setBuddy(m_kvCombo);
    layout->addWidget(contextLabel);
    layout->addWidget(m_contextSlider, 1);
    layout->addWidget(m_contextLabel);
    layout->addSpacing(12);
    layout->addWidget(kvLabel);
    layout->addWidget(m_kvCombo);
    return row;
}

QWidget* RecommendPage::createMixRow() {
    auto* row = new QWidget(this);
    row->setObjectName(QStringLiteral("mixRow"));
    m_mixBudgetSpin->setObjectName(QStringLiteral("mixBudgetSpin"));
    m_mixBudgetSpin->setDecimals(1);
    m_mixBudgetSpin->setRange(0.1, 1e7);
    m_mixBudgetSpin->setSuffix(tr(" MB"));
    m_mixBudgetSpin->setKeyboardTracking(false);
    m_mixBudgetSpin->setToolTip(tr("The custom mix's whole file size; by default what fits this machine at this "
                                   "context"));
    connect(m_mixBudgetSpin, &QDoubleSpinBox::valueChanged, this,
            [this](double mb) { setMixBudget(quint64(mb * 1e6)); });
    m_mixResetButton->setObjectName(QStringLiteral("mixFitMachineButton"));
    m_mixResetButton->setToolTip(tr("Make the budget what fits this machine at this context again"));
    connect(m_mixResetButton, &QPushButton::clicked, this, &RecommendPage::resetMixBudget);
    m_mixMeasureButton->setObjectName(QStringLiteral("mixMeasureButton"));
    connect(m_mixMeasureButton, &QPushButton::clicked, this, [this] {
        if (m_mixMeasuring) {
            if (m_mixJob) m_mixJob->cancel();
        } else {
            measureMixSensitivity();
        }
    });
    auto* label = new QLabel(tr("Custom mix budget:"), row);
    label->setBuddy(m_mixBudgetSpin);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_mixBudgetSpin);
    layout->addWidget(m_mixResetButton);
    layout->addStretch(1);
    layout->addWidget(m_mixMeasureButton);
    return row;
}

QString RecommendPage::title() const {
    return tr("Recommend");
}

void RecommendPage::setEntry(const ModelEntry& entry) {
    if (!entry.model || entry.model == m_file) return;
    m_file = entry.model;
    m_fileName = entry.fileName();
    m_checksEdited = false;
    m_measured.clear();
    ++m_mixGeneration; // results for the previous model are dropped
    if (m_mixJob) m_mixJob->cancel();
    m_mixMeasuring = false;
    m_mixTable.reset();
    m_mixPrediction.reset();
    emit mixCurveChanged({});
    m_mixCacheTried = false;
    m_mixBudgetEdited = false;
    m_mixStatus.clear();
    m_mixShorterStatus.clear();
    m_table->setMixRow(std::nullopt);
    m_table->setMixChecked(false);
    if (!m_contextChosen) {
        const quint64 trained = entry.model->summary.contextLength.value_or(0);
        m_context = trained ? std::min(kDefaultContext, trained) : kDefaultContext;
        const QSignalBlocker blocker(m_contextSlider);
        m_contextSlider->setValue(stepFor(m_context));
        updateContextLabel();
    }
    startPlanning();
}

void RecommendPage::startPlanning() {
    ++m_generation;
    m_planned.reset();
    m_table->clear();
    m_status->setText(tr("Planning every preset for %1…").arg(m_fileName));
    showRecommendation();
    auto* job = new RecommendPlanJob(m_generation, m_file, m_fileName, m_taskPool);
    connect(job, &RecommendPlanJob::finished, this, &RecommendPage::onPlanned);
    connect(job, &RecommendPlanJob::failed, this, &RecommendPage::onPlanFailed);
    m_taskPool->start(job);
}

void RecommendPage::onPlanned(quint64 generation, const PlannedModelPtr& model) {
    if (generation != m_generation) return;
    m_planned = model;
    m_status->clear();
    recompute();
}

void RecommendPage::onPlanFailed(quint64 generation, const QString& message) {
    if (generation != m_generation) return;
    m_status->setText(tr("Cannot recommend for this model: %1").arg(message));
    showRecommendation();
}

void RecommendPage::setDetectedHardware(const HardwareInfoPtr& hardware) {
    m_machineCard->setDetected(hardware);
}

void RecommendPage::setMachine(const recommend::Machine& machine) {
    m_machineCard->setMachine(machine);
}

const recommend::Machine& RecommendPage::machine() const {
    return m_machineCard->machine();
}

void RecommendPage::setContext(quint64 tokens) {
    m_context = std::max<quint64>(1, tokens);
    m_contextChosen = true;
    {
        const QSignalBlocker blocker(m_contextSlider);
        m_contextSlider->setValue(stepFor(m_context));
    }
    updateContextLabel();
    recompute();
}

void RecommendPage::setKvType(GgmlType type) {
    const int index = m_kvCombo->findData(int(type));
    if (index >= 0) m_kvCombo->setCurrentIndex(index);
}

void RecommendPage::setMeasuredQuality(std::vector<recommend::MeasuredQuality> measured) {
    m_measured = std::move(measured);
    recompute();
}

const recommend::RecommendResult* RecommendPage::result() const {
    return m_table->result();
}

QStringList RecommendPage::selectedPresets() const {
    return m_table->checkedPresets();
}

void RecommendPage::recompute() {
    if (!m_planned) return;
    if (m_machineCard->profileId() == MachineCardWidget::kThisMachine && !m_machineCard->hasDetected()) {
        // Without the numbers of this machine there is nothing honest to say yet.
        m_status->setText(tr("Detecting this machine…"));
        return;
    }
    recommend::RecommendRequest request;
    request.context = m_context;
    request.kvType = m_kvType;
    request.machine = machine();
    request.measured = m_measured;
    auto result = recommend::makeRecommendation(*m_planned, request);
    if (!result) {
        m_table->clear();
        m_status->setText(toQString(result.error().message));
        showRecommendation();
        return;
    }
    m_status->clear();
    m_table->setResult(*result);
    // Until the person picks, the recommended preset is the one to produce.
    if (!m_checksEdited) {
        const int row = m_table->recommendedRow();
        m_table->setCheckedPresets(row >= 0 ? QStringList{toQString(result->recommendation.preset)}
                                            : QStringList{});
    }
    updateMix();
    showRecommendation();
    if (const int row = m_table->recommendedRow(); row >= 0)
        m_view->scrollTo(m_table->index(row, 0), QAbstractItemView::EnsureVisible);
}

// The headline in the person's language, from the structured result (core's English one is for the CLI).
QString RecommendPage::headlineFor(const recommend::RecommendResult& result) {
    const auto& rec = result.recommendation;
    if (!rec.index) {
        const bool anyAvailable = std::any_of(result.presets.begin(), result.presets.end(),
                                              [](const recommend::PresetVerdict& v) { return v.available; });
        return anyAvailable ? tr("Nothing fits") : tr("No preset can be made from this file");
    }
    const recommend::PresetVerdict& v = result.presets[*rec.index];
    const QString name = toQString(v.preset->name);
    QString where;
    switch (v.fit) {
    case recommend::Fit::FullGpu: where = tr("%1, fully on the GPU").arg(name); break;
    case recommend::Fit::PartialOffload:
        where = tr("%1, %2 of %3 layers on the GPU").arg(name).arg(v.gpuLayers).arg(v.layers);
        break;
    default: where = tr("%1, on the CPU").arg(name); break;
    }
    return tr("Recommended: %1").arg(where);
}

void RecommendPage::showRecommendation() {
    const auto* result = m_table->result();
    if (!result) {
        m_headline->setText(m_file ? QString() : tr("Open a model to see which preset suits this machine."));
        m_explanation->clear();
        m_warnings->clear();
        m_suggestions->clear();
        m_warnings->hide();
        m_suggestions->hide();
        updateProduceButton();
        return;
    }
    const auto& rec = result->recommendation;
    m_headline->setText(headlineFor(*result));
    QString explanation = translatePhrases(rec.explanationPhrases);
    if (rec.index)
        explanation += QLatin1Char(' ') + tr("Expected quality: %1.")
                                              .arg(qualityDescription(result->presets[*rec.index].quality));
    m_explanation->setText(explanation);
    m_warnings->setText(bulletList(rec.warningPhrases));
    m_warnings->setVisible(!rec.warningPhrases.empty());
    m_suggestions->setText(bulletList(rec.suggestionPhrases));
    m_suggestions->setVisible(!rec.suggestionPhrases.empty());
    updateProduceButton();
}

void RecommendPage::updateContextLabel() {
    m_contextLabel->setText(tr("%1 tokens").arg(formatCount(m_context)));
}

void RecommendPage::updateProduceButton() {
    const int count = int(selectedPresets().size()) + (m_table->isMixChecked() ? 1 : 0);
    m_produceButton->setEnabled(count > 0);
    m_produceButton->setText(count > 1 ? tr("Produce %1 Selected").arg(count) : tr("Produce Selected"));
}

} // namespace qf::ui

namespace qf::ui {

RecommendPage::~RecommendPage() {
    // A measurement still running has nothing to report to.
    if (m_mixJob) m_mixJob->cancel();
}

void RecommendPage::setMixSettings(const MixSettings& settings) {
    m_mixSettings = settings;
    ++m_mixGeneration;
    m_mixTable.reset();
    m_mixPrediction.reset();
    emit mixCurveChanged({});
    m_mixCacheTried = false;
    updateMix();
}

void RecommendPage::setMixBudget(quint64 bytes) {
    if (bytes == 0 || bytes == m_mixBudget) return;
    m_mixBudget = bytes;
    m_mixBudgetEdited = true;
    {
        const QSignalBlocker blocker(m_mixBudgetSpin);
        m_mixBudgetSpin->setValue(double(bytes) / 1e6);
    }
    if (m_planned) m_mixBudgetFit = mix::fitForBudget(*m_planned, bytes, m_context, m_kvType, machine());
    m_mixCapped = false;
    updateMix();
}

void RecommendPage::resetMixBudget() {
    m_mixBudgetEdited = false;
    updateMix();
}

void RecommendPage::measureMixSensitivity() {
    if (m_mixMeasuring || !m_file) return;
    startMixJob(MixPredictJob::Mode::Measure);
}

void RecommendPage::updateMix() {
    m_mixResetButton->setEnabled(m_mixBudgetEdited);
    if (!m_planned || !m_table->result()) {
        m_table->setMixRow(std::nullopt);
        m_mixMeasureButton->setEnabled(false);
        m_mixMeasureButton->setText(tr("Measure Sensitivity"));
        return;
    }
    if (!m_mixBudgetEdited) {
        auto budget = mix::machineBudget(*m_planned, m_context, m_kvType, machine());
        if (!budget) {
            m_table->setMixRow(std::nullopt);
            m_mixMeasureButton->setEnabled(false);
            return;
        }
        m_mixBudget = budget->fileBytes;
        m_mixBudgetFit = budget->fit;
        m_mixCapped = budget->cappedAtLargestPreset;
        const QSignalBlocker blocker(m_mixBudgetSpin);
        m_mixBudgetSpin->setValue(double(m_mixBudget) / 1e6);
    } else {
        m_mixBudgetFit = mix::fitForBudget(*m_planned, m_mixBudget, m_context, m_kvType, machine());
    }
    const bool haveGguf = m_file && m_file->file;
    m_mixMeasureButton->setEnabled(haveGguf && (m_mixMeasuring || !m_mixTable));
    m_mixMeasureButton->setText(m_mixMeasuring ? tr("Stop Measuring") : tr("Measure Sensitivity"));
    if (!haveGguf) {
        m_mixStatus = tr("Made from GGUF files only");
        m_mixShorterStatus.clear();
    }
    else if (m_mixTable && (!m_mixPrediction || m_mixPrediction->budget != m_mixBudget)) {
        if (!m_mixJob) startMixJob(MixPredictJob::Mode::CacheOnly); // solves with the table it has
    } else if (!m_mixTable && !m_mixCacheTried && !m_mixMeasuring) {
        m_mixCacheTried = true;
        startMixJob(MixPredictJob::Mode::CacheOnly);
    }
    publishMixRow();
}

void RecommendPage::startMixJob(MixPredictJob::Mode mode) {
    if (!m_file || !m_file->file || !m_taskPool) return;
    if (m_mixJob) m_mixJob->cancel();
    const quint64 generation = ++m_mixGeneration;
    MixSettings settings = m_mixSettings;
    settings.modelPath = m_file->displayPath();
    auto* job = new MixPredictJob(generation, m_file, settings, m_mixBudget, mode, m_mixTable, m_taskPool);
    m_mixJob = job;
    if (mode == MixPredictJob::Mode::Measure && !m_mixTable) {
        m_mixMeasuring = true;
        m_mixShorterStatus.clear();
        m_mixStatus = tr("Measuring sensitivity…");
        m_mixMeasureButton->setText(tr("Stop Measuring"));
    }
    connect(job, &MixPredictJob::progressed, this, [this](quint64 g, double fraction, const QString&) {
        if (g != m_mixGeneration || !m_mixMeasuring) return;
        m_mixShorterStatus.clear();
        m_mixStatus = tr("Measuring sensitivity… %1 %").arg(qRound(fraction * 100));
        publishMixRow();
    });
    connect(job, &MixPredictJob::finished, this, &RecommendPage::onMixPredicted);
    connect(job, &MixPredictJob::notCached, this, [this](quint64 g) {
        onMixEnded(g, tr("Not measured yet: Measure Sensitivity predicts its quality"), {tr("Not measured yet")});
    });
    connect(job, &MixPredictJob::failed, this,
            [this](quint64 g, const QString& message) { onMixEnded(g, message, {tr("Failed")}); });
    connect(job, &MixPredictJob::cancelled, this,
            [this](quint64 g) {
                onMixEnded(g, tr("Measuring stopped: Measure Sensitivity starts again"), {tr("Stopped")});
            });
    m_taskPool->start(job);
    publishMixRow();
}

void RecommendPage::onMixPredicted(quint64 generation, const MixPredictionPtr& prediction) {
    if (generation != m_mixGeneration) return;
    m_mixJob.clear();
    m_mixMeasuring = false;
    m_mixTable = prediction->table;
    m_mixPrediction = prediction;
    std::vector<std::pair<quint64, double>> curve;
    for (const mix::CurvePoint& p : prediction->curve) curve.emplace_back(p.fileBytes, p.predictedKld);
    emit mixCurveChanged(curve);
    m_mixStatus.clear();
    m_mixShorterStatus.clear();
    updateMix(); // solves again if the budget moved meanwhile
}

void RecommendPage::onMixEnded(quint64 generation, const QString& status, const QStringList& shorterStatus) {
    if (generation != m_mixGeneration) return;
    m_mixJob.clear();
    m_mixMeasuring = false;
    m_mixStatus = status;
    m_mixShorterStatus = shorterStatus;
    updateMix();
}

void RecommendPage::publishMixRow() {
    MixRowData row;
    row.budget = m_mixBudget;
    row.budgetFit = m_mixBudgetFit;
    row.cappedAtLargestPreset = m_mixCapped;
    row.status = m_mixStatus;
    row.shorterStatus = m_mixShorterStatus;
    if (m_mixPrediction && m_mixPrediction->budget == m_mixBudget && m_planned) {
        row.verdict = mix::evaluateMix(*m_planned, *m_mixPrediction->plan, m_context, m_kvType, machine());
        row.predictedKld = m_mixPrediction->predictedKld;
        // The produced file of exactly this size, evaluated on the Compare page.
        const std::string key = mixQualityKey(m_mixPrediction->plan->fileBytes);
        for (const auto& q : m_measured)
            if (q.preset == key && q.meanKld) {
                row.measuredKld = q.meanKld;
                row.measuredKldError = q.meanKldError;
            }
    } else if (row.status.isEmpty()) {
        row.status = tr("Predicting…");
    }
    m_table->setMixRow(row);
    updateProduceButton();
}

} // namespace qf::ui
