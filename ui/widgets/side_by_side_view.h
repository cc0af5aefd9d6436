#pragma once
// "Same prompt, side by side": runs one prompt on the source and each of its quants at once and shows
// the answers next to each other as they stream, one read-only pane per file with its type and size
// above and its token count and speed below. The jobs run on the view's own pool, one thread each: the
// window's job pool runs one job at a time, and the answers are meant to grow together.
#include <cstdint>
#include <map>
#include <vector>

#include <QPointer>
#include <QString>
#include <QThreadPool>
#include <QWidget>

#include "jobs/generate_job_runner.h"

class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace qf::ui {

struct SideBySideFile {
    QString path;
    QString typeName;
    uint64_t bytes = 0;
};

class SideBySideView : public QWidget {
    Q_OBJECT

public:
    // Panes per row at the current width (for tests).
    int paneColumns() const;
    explicit SideBySideView(QWidget* parent = nullptr);
    ~SideBySideView() override;

    // One pane per file, in this order; a running generation stops when the files change.
    void setFiles(const std::vector<SideBySideFile>& files);
    int paneCount() const { return int(m_panes.size()); }
    QString paneText(int pane) const;
    // The prompt shown at first, so that Run works with one click (translated).
    static QString defaultPrompt();
    QString prompt() const;

    // Starts every file on the prompt; false (with the reason shown) if it cannot.
    bool run();
    void stop();
    bool isRunning() const { return !m_jobPane.empty(); }

signals:
    // All files finished, failed or were cancelled.
    void runFinished();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void layoutPanes();
    struct Pane {
        SideBySideFile file;
        QWidget* box = nullptr;
        QLabel* header = nullptr;
        QPlainTextEdit* text = nullptr;
        QLabel* footer = nullptr;
        QPointer<GenerateJobRunner> job;
    };

    QWidget* createSettingsRow();
    void rebuildPanes();
    void updateControls();
    // Ends a job's pane with a footer; the last one ends the run.
    void endJob(quint64 jobId, const QString& footer);

    void onText(quint64 jobId, const QString& text, int tokensSoFar);

    std::vector<Pane> m_panes;
    std::map<quint64, int> m_jobPane; // running job id -> pane index
    quint64 m_nextJobId = 1;
    QThreadPool m_pool;

    QLineEdit* m_promptEdit;
    QSpinBox* m_maxTokensSpin;
    QDoubleSpinBox* m_temperatureSpin;
    QSpinBox* m_seedSpin;
    QPushButton* m_runButton;
    QPushButton* m_stopButton;
    QLabel* m_status;
    QWidget* m_paneArea;
    QGridLayout* m_paneLayout;
    int m_paneColumns = 0; // panes per row, from the width (they wrap into rows, never scroll sideways)
};

} // namespace qf::ui
