// A drag source outside the app, for the real-X test: a small window that starts an XDND drag of the file
// given on the command line when the mouse is pressed on it (xdotool presses, moves and releases), prints
// "READY x y w h" (its global geometry) once shown, and exits 0 when the drop was accepted, 1 when not.
#include <cstdio>

#include <QApplication>
#include <QDrag>
#include <QLabel>
#include <QMimeData>
#include <QMouseEvent>
#include <QTimer>
#include <QUrl>

namespace {

class DragSource : public QLabel {
public:
    explicit DragSource(QString path) : m_path(std::move(path)) {
        setText(QStringLiteral("drag me"));
        setAlignment(Qt::AlignCenter);
        setWindowTitle(QStringLiteral("qf-drag-source"));
        resize(160, 100);
    }

protected:
    void mousePressEvent(QMouseEvent* event) override {
        if (event->button() != Qt::LeftButton) return;
        auto* mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(m_path)});
        auto* drag = new QDrag(this);
        drag->setMimeData(mime);
        const Qt::DropAction action = drag->exec(Qt::CopyAction);
        // The target reads the dropped data from us after exec() returns: stay a moment to answer.
        QTimer::singleShot(3000, [action] { QCoreApplication::exit(action == Qt::CopyAction ? 0 : 1); });
    }

private:
    QString m_path;
};

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (argc < 2) return 2;
    DragSource source(QString::fromLocal8Bit(argv[1]));
    source.move(argc >= 4 ? QString::fromLatin1(argv[2]).toInt() : 40, argc >= 4 ? QString::fromLatin1(argv[3]).toInt() : 40);
    source.show();
    QTimer::singleShot(500, &source, [&source] {
        const QRect r(source.mapToGlobal(QPoint(0, 0)), source.size());
        std::printf("READY %d %d %d %d\n", r.x(), r.y(), r.width(), r.height());
        std::fflush(stdout);
    });
    return app.exec();
}
