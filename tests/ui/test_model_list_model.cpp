// The model list's tree: sources at the top level, quants as their children, entries found by id.
#include <memory>

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

#include "models/model_list_model.h"

using namespace qf::ui;

namespace {

const QString kModelPath = QStringLiteral(QF_SHARED_DIR "/models/qf-books-22m-f16.gguf");

LoadedModelPtr loadModel() {
    auto opened = qf::gguf::GgufFile::open(kModelPath.toStdString());
    if (!opened) return {};
    auto file = std::make_shared<const qf::gguf::GgufFile>(std::move(opened).value());
    auto model = std::make_shared<LoadedModel>();
    model->summary = qf::summarize(*file);
    model->file = std::move(file);
    return model;
}

} // namespace

class TestModelListModel : public QObject {
    Q_OBJECT

private slots:
    void sourcesAndChildren();
    void stateChangesByIdEmitDataChanged();
    void removedEntriesIgnoreLateResults();
    void findsPathsAtAnyLevel();
};

void TestModelListModel::sourcesAndChildren() {
    ModelListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    const QModelIndex a = model.addSource(QStringLiteral("/models/a.gguf"));
    const QModelIndex b = model.addSource(QStringLiteral("/models/b.gguf"));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(ModelListModel::ColumnCount));
    QCOMPARE(a.data().toString(), QStringLiteral("a.gguf"));
    QCOMPARE(model.entry(a)->kind, EntryKind::Source);
    QCOMPARE(model.entry(a)->state, LoadState::Loading);

    const QModelIndex quant = model.addChild(b, QStringLiteral("/models/b-Q4_K_M.gguf"));
    QVERIFY(quant.isValid());
    QCOMPARE(quant.parent(), b);
    QCOMPARE(model.rowCount(b), 1);
    QCOMPARE(model.rowCount(a), 0);
    QCOMPARE(model.entry(quant)->kind, EntryKind::Quant);
    QCOMPARE(model.sourceIndex(quant), b);
    QCOMPARE(model.sourceIndex(b), b);
    // A child added through any column of its source lands under the source's first column.
    const QModelIndex second =
        model.addChild(b.siblingAtColumn(ModelListModel::SizeColumn), QStringLiteral("/models/b-Q8_0.gguf"));
    QCOMPARE(second.parent(), b);
    QCOMPARE(model.rowCount(b), 2);

    // Removing a source removes its quants.
    QVERIFY(model.removeEntry(b));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("a.gguf"));
}

void TestModelListModel::stateChangesByIdEmitDataChanged() {
    ModelListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addSource(QStringLiteral("/models/other.gguf"));
    const QModelIndex index = model.addSource(kModelPath);
    const quint64 id = model.entry(index)->id;
    QCOMPARE(index.data(ModelListModel::EntryIdRole).toULongLong(), id);
    QCOMPARE(model.indexForId(id), index);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    LoadedModelPtr loaded = loadModel();
    QVERIFY(loaded);
    model.setLoaded(id, loaded);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), index);
    QCOMPARE(changed.at(0).at(1).toModelIndex(), index.siblingAtColumn(ModelListModel::ColumnCount - 1));
    QCOMPARE(model.entry(index)->state, LoadState::Ready);
    QCOMPARE(model.entry(index)->model, loaded);
    QVERIFY(!model.index(1, ModelListModel::TypeColumn).data().toString().isEmpty());
    const auto iconImage = [](const QModelIndex& i) {
        return i.data(Qt::DecorationRole).value<QIcon>().pixmap(16).toImage();
    };
    const QImage fileIcon = iconImage(index);

    model.setFailed(id, QStringLiteral("bad magic"));
    QCOMPARE(model.entry(index)->state, LoadState::Failed);
    QVERIFY(!model.entry(index)->model);
    QCOMPARE(index.data(ModelListModel::ErrorRole).toString(), QStringLiteral("bad magic"));
    QCOMPARE(index.data(Qt::ToolTipRole).toString(), QStringLiteral("bad magic"));
    QVERIFY(iconImage(index) != fileIcon); // the warning icon

    model.setLoading(id);
    QCOMPARE(model.entry(index)->state, LoadState::Loading);
    QVERIFY(model.entry(index)->errorMessage.isEmpty());
}

void TestModelListModel::removedEntriesIgnoreLateResults() {
    ModelListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex source = model.addSource(QStringLiteral("/models/a.gguf"));
    const QModelIndex quant = model.addChild(source, QStringLiteral("/models/a-Q4_0.gguf"));
    const quint64 sourceId = model.entry(source)->id;
    const quint64 quantId = model.entry(quant)->id;
    model.removeEntry(source);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setFailed(sourceId, QStringLiteral("late"));
    model.setFailed(quantId, QStringLiteral("late"));
    QCOMPARE(changed.count(), 0);
    QVERIFY(!model.indexForId(sourceId).isValid());
    QVERIFY(!model.indexForId(quantId).isValid());

    // Ids are never reused.
    const QModelIndex again = model.addSource(QStringLiteral("/models/a.gguf"));
    QVERIFY(model.entry(again)->id != sourceId && model.entry(again)->id != quantId);
}

void TestModelListModel::findsPathsAtAnyLevel() {
    ModelListModel model;
    const QModelIndex source = model.addSource(QStringLiteral("/models/a.gguf"));
    const QModelIndex quant = model.addChild(source, QStringLiteral("/out/a-Q4_0.gguf"));
    QCOMPARE(model.findPath(QStringLiteral("/models/a.gguf")), source);
    QCOMPARE(model.findPath(QStringLiteral("/out/a-Q4_0.gguf")), quant);
    QVERIFY(!model.findPath(QStringLiteral("/models/b.gguf")).isValid());
}

QTEST_MAIN(TestModelListModel)
#include "test_model_list_model.moc"
