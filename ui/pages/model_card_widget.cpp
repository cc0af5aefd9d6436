#include "pages/model_card_widget.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <QDir>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include "format.h"

namespace qf::ui {

namespace {

QString optionalCount(const std::optional<uint64_t>& value) {
    return value ? formatCount(*value) : QStringLiteral("—");
}

QLabel* makeValueLabel(QWidget* parent, const QString& objectName) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ModelCardWidget::ModelCardWidget(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_subtitle(new QLabel(this)), m_fields(new QGridLayout),
      m_typeTotals(new QWidget(this)), m_typeTotalsLayout(new QGridLayout(m_typeTotals)) {
    setObjectName(QStringLiteral("modelCard"));
    m_title->setObjectName(QStringLiteral("cardTitle"));
    m_subtitle->setObjectName(QStringLiteral("cardSubtitle"));
    m_typeTotals->setObjectName(QStringLiteral("typeTotals"));

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);

    m_fields->setHorizontalSpacing(16);
    m_fields->setVerticalSpacing(4);
    m_architecture = addField(0, 0, tr("Architecture"), QStringLiteral("architectureValue"));
    m_parameters = addField(1, 0, tr("Parameters"), QStringLiteral("parametersValue"));
    m_layers = addField(2, 0, tr("Layers"), QStringLiteral("layersValue"));
    m_heads = addField(3, 0, tr("Attention heads"), QStringLiteral("headsValue"));
    m_embedding = addField(4, 0, tr("Embedding"), QStringLiteral("embeddingValue"));
    m_context = addField(0, 1, tr("Context"), QStringLiteral("contextValue"));
    m_vocabulary = addField(1, 1, tr("Vocabulary"), QStringLiteral("vocabularyValue"));
    m_fileType = addField(2, 1, tr("File type"), QStringLiteral("fileTypeValue"));
    m_size = addField(3, 1, tr("Size"), QStringLiteral("sizeValue"));
    m_bitsPerWeight = addField(4, 1, tr("Bits per weight"), QStringLiteral("bitsPerWeightValue"));
    m_fields->setColumnStretch(1, 1);
    m_fields->setColumnStretch(3, 1);

    m_typeTotalsLayout->setContentsMargins(0, 0, 0, 0);
    m_typeTotalsLayout->setHorizontalSpacing(16);
    m_typeTotalsLayout->setVerticalSpacing(2);

    auto* typesHeading = new QLabel(tr("Bytes by tensor type"), this);
    QFont headingFont = typesHeading->font();
    headingFont.setBold(true);
    typesHeading->setFont(headingFont);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addSpacing(8);
    layout->addLayout(m_fields);
    layout->addSpacing(8);
    layout->addWidget(typesHeading);
    layout->addWidget(m_typeTotals);
}

QLabel* ModelCardWidget::addField(int row, int column, const QString& label, const QString& objectName) {
    auto* name = new QLabel(label, this);
    name->setForegroundRole(QPalette::PlaceholderText);
    QLabel* value = makeValueLabel(this, objectName);
    name->setBuddy(value);
    m_fields->addWidget(name, row, column * 2);
    m_fields->addWidget(value, row, column * 2 + 1);
    return value;
}

void ModelCardWidget::setSummary(const ModelSummary& summary, const QString& path) {
    m_title->setText(toQString(summary.name));
    QString subtitle = QDir::toNativeSeparators(path);
    if (summary.shardCount > 1)
        subtitle = tr("%1 (%n shards)", nullptr, static_cast<int>(summary.shardCount)).arg(subtitle);
    // ggufVersion 0: a Hugging Face folder, read through an F16 conversion made on the fly.
    m_subtitle->setText(summary.ggufVersion ? tr("%1 · GGUF v%2").arg(subtitle).arg(summary.ggufVersion)
                                            : tr("%1 · Hugging Face folder, read as F16").arg(subtitle));

    m_architecture->setText(toQString(summary.architecture));
    m_parameters->setText(formatCount(summary.parameterCount));
    m_layers->setText(optionalCount(summary.layers));

    QString heads = optionalCount(summary.headCount);
    if (summary.headCountKv && summary.headCountKv != summary.headCount)
        heads = tr("%1 (%2 KV)").arg(heads, formatCount(*summary.headCountKv));
    if (summary.expertCount && *summary.expertCount > 0)
        heads = tr("%1, %2 experts").arg(heads, formatCount(*summary.expertCount));
    m_heads->setText(heads);

    QString embedding = optionalCount(summary.embeddingLength);
    if (summary.feedForwardLength)
        embedding = tr("%1 (feed-forward %2)").arg(embedding, formatCount(*summary.feedForwardLength));
    m_embedding->setText(embedding);

    m_context->setText(summary.contextLength ? tr("%1 tokens").arg(formatCount(*summary.contextLength))
                                             : QStringLiteral("—"));
    QString vocabulary = tr("%1 tokens").arg(formatCount(summary.vocabularySize));
    if (!summary.tokenizerModel.empty())
        vocabulary = tr("%1, %2").arg(vocabulary, tokenizerKindName(summary.tokenizerModel));
    m_vocabulary->setText(vocabulary);

    m_fileType->setText(summary.fileTypeName.empty() ? QStringLiteral("—") : toQString(summary.fileTypeName));
    m_size->setText(formatBytes(summary.fileBytes));
    m_size->setToolTip(tr("%1 bytes in the file, %2 bytes of tensor data")
                           .arg(formatCount(summary.fileBytes), formatCount(summary.tensorBytes)));
    m_bitsPerWeight->setText(formatBitsPerWeight(summary.bitsPerWeight));

    setTypeTotals(summary);
}

void ModelCardWidget::setTypeTotals(const ModelSummary& summary) {
    while (QLayoutItem* item = m_typeTotalsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    // Largest share first: that is the type that decides the file's size.
    std::vector<std::pair<GgmlType, TypeTotals>> types(summary.perType.begin(), summary.perType.end());
    std::stable_sort(types.begin(), types.end(),
                     [](const auto& a, const auto& b) { return a.second.bytes > b.second.bytes; });
    int row = 0;
    for (const auto& [type, totals] : types) {
        const double share =
            summary.tensorBytes ? 100.0 * double(totals.bytes) / double(summary.tensorBytes) : 0.0;
        // Rounding must not claim 0 % or 100 % for a share that is neither.
        QString shareText = tr("%1 %").arg(QLocale().toString(share, 'f', 1));
        if (share > 0.0 && share < 0.05)
            shareText = tr("< %1 %").arg(QLocale().toString(0.1, 'f', 1));
        else if (share < 100.0 && share >= 99.95)
            shareText = tr("> %1 %").arg(QLocale().toString(99.9, 'f', 1));
        const QString cells[] = {
            toQString(ggmlTypeName(type)),
            totals.tensors == 1 ? tr("1 tensor")
                                : tr("%n tensors", nullptr, static_cast<int>(totals.tensors)),
            formatBytes(totals.bytes),
            shareText,
        };
        for (int column = 0; column < 4; ++column) {
            QLabel* cell =
                makeValueLabel(m_typeTotals, QStringLiteral("typeTotal_%1_%2").arg(row).arg(column));
            cell->setText(cells[column]);
            if (column > 0) cell->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_typeTotalsLayout->addWidget(cell, row, column);
        }
        ++row;
    }
    m_typeTotalsLayout->setColumnStretch(4, 1);
}

} // namespace qf::ui
