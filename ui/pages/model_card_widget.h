#pragma once
// The model card: what a person wants to know about a model at a glance, from qf::summarize().
#include <QWidget>

#include "qf/model_summary.h"

class QGridLayout;
class QLabel;

namespace qf::ui {

class ModelCardWidget : public QWidget {
    Q_OBJECT

public:
    explicit ModelCardWidget(QWidget* parent = nullptr);

    void setSummary(const ModelSummary& summary, const QString& path);

private:
    QLabel* addField(int row, int column, const QString& label, const QString& objectName);
    void setTypeTotals(const ModelSummary& summary);

    QLabel* m_title;
    QLabel* m_subtitle;
    QGridLayout* m_fields;
    QLabel* m_architecture;
    QLabel* m_parameters;
    QLabel* m_layers;
    QLabel* m_heads;
    QLabel* m_embedding;
    QLabel* m_context;
    QLabel* m_vocabulary;
    QLabel* m_fileType;
    QLabel* m_size;
    QLabel* m_bitsPerWeight;
    QWidget* m_typeTotals;
    QGridLayout* m_typeTotalsLayout;
};

} // namespace qf::ui
