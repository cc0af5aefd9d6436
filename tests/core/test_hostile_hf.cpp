// Issue #14 item 6 (HF configs) and the probe's 53 configs and 47 safetensors/index files: a config whose
// sizes disagree with the weights, or that do not fit, is refused with a message naming the key - never
// truncated, dropped or turned into a wrong model; broken safetensors headers and index files are refused.
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <fstream>
#include <regex>

#include "qf/hf/hf_convert.h"
#include "qf/hf/safetensors.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace qf;

namespace {

const fs::path kHf = test::sharedPath("models/qf-books-22m-hf");

std::string sharedConfig() {
    std::ifstream in(kHf / "config.json");
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The shared config with `key` set to the JSON text `value` (added when absent).
std::string withKey(const std::string& key, const std::string& value) {
    std::string config = sharedConfig();
    const std::regex existing("\"" + key + "\": [^,\\n}]+");
    if (std::regex_search(config, existing)) return std::regex_replace(config, existing, "\"" + key + "\": " + value);
    return "{\"" + key + "\": " + value + "," + config.substr(config.find('{') + 1);
}

// A folder with the shared weights and tokenizer (linked, not copied) and `config`.
fs::path folderWith(const fs::path& root, int index, const std::string& config) {
    const fs::path folder = root / ("hf" + std::to_string(index));
    fs::create_directories(folder);
    for (const char* name : {"model.safetensors", "tokenizer.model", "tokenizer_config.json", "special_tokens_map.json"})
        fs::create_symlink(kHf / name, folder / name);
    std::ofstream(folder / "config.json") << config;
    return folder;
}

std::vector<uint8_t> safetensorsFile(const std::string& json, size_t dataBytes, std::optional<uint64_t> lengthField = {}) {
    std::vector<uint8_t> bytes(8 + json.size() + dataBytes, 0);
    const uint64_t n = lengthField.value_or(json.size());
    std::memcpy(bytes.data(), &n, 8);
    std::memcpy(bytes.data() + 8, json.data(), json.size());
    return bytes;
}

} // namespace

class TestHostileHf : public QObject {
    Q_OBJECT

private slots:
    void configs() {
        struct Case {
            std::string key, value;
            bool consistent; // sensible or merely unusual, and not contradicted by the weights
        };
        std::vector<Case> cases;
        const std::vector<std::string> counts{"num_hidden_layers", "hidden_size", "num_attention_heads",
                                              "num_key_value_heads"};
        for (const auto& key : counts)
            for (const char* v : {"0", "-1", "3", "4294967328", "1099511627776", "\"6\"", "1.5"})
                cases.push_back({key, v, false});
        for (const char* v : {"0", "-1", "4294967296", "1099511627776", "\"256\"", "2.5"})
            cases.push_back({"max_position_embeddings", v, false});
        cases.push_back({"max_position_embeddings", "3", true});
        for (const char* v : {"0", "3", "16", "4294967328", "\"32\""})
            cases.push_back({"head_dim", v, false});
        cases.push_back({"head_dim", "32", true}); // 8 heads x 32 = the 256 query rows
        for (const char* v : {"0", "-10000", "\"10000\"", "[]"}) cases.push_back({"rope_theta", v, false});
        cases.push_back({"rope_theta", "500000.0", true});
        for (const char* v : {"0", "-1e-5", "\"1e-5\"", "{}"}) cases.push_back({"rms_norm_eps", v, false});
        cases.push_back({"rms_norm_eps", "1e-6", true});
        for (const char* v : {"0", "-768"}) cases.push_back({"intermediate_size", v, false});
        QCOMPARE(int(cases.size()), 53);

        QTemporaryDir dir;
        int index = 0;
        for (const auto& c : cases) {
            const fs::path folder = folderWith(dir.path().toStdString(), index++, withKey(c.key, c.value));
            auto conversion = hf::HfConversion::open(folder);
            const QString what = QString::fromStdString(c.key + " = " + c.value);
            QVERIFY2(conversion.ok() == c.consistent,
                     qPrintable(what + QStringLiteral(": ") +
                                QString::fromStdString(conversion ? "accepted" : conversion.error().message)));
            if (!conversion)
                QVERIFY2(conversion.error().message.find("config.json") != std::string::npos, qPrintable(what));
        }
    }

    void safetensorsAndIndexes() {
        const std::string a = R"("a":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]})";
        const std::string b = R"("b":{"dtype":"F16","shape":[4],"data_offsets":[16,24]})";
        auto header = [&](const std::string& first) { return "{" + first + "," + b + "}"; };
        std::vector<std::vector<uint8_t>> files;
        for (const char* offsets : {"[0,17]", "[0,15]", "[16,32]", "[8,24]", "[-1,15]", "[0]", "\"0,16\"",
                                    "[0,18446744073709551615]", "[18446744073709551600,16]"})
            files.push_back(safetensorsFile(header(std::string(R"("a":{"dtype":"F32","shape":[2,2],"data_offsets":)") + offsets + "}"), 24));
        for (const char* shape : {"[2,3]", "[4611686018427387904,4]", "[-2,2]", "[2,2,2,2,2,2,2,2,2]", "\"2x2\"",
                                  "[2.5,2]", "[0,2]", "[1,1]"})
            files.push_back(safetensorsFile(header(std::string(R"("a":{"dtype":"F32","shape":)") + shape + R"(,"data_offsets":[0,16]})"), 24));
        for (const char* dtype : {"\"F31\"", "\"\"", "7", "\"I8\"", "null"})
            files.push_back(safetensorsFile(header(std::string(R"("a":{"dtype":)") + dtype + R"(,"shape":[2,2],"data_offsets":[0,16]})"), 24));
        files.push_back(safetensorsFile("{" + a + "," + a + "}", 24));           // duplicate name
        files.push_back(safetensorsFile("[1,2,3]", 0));                          // not an object
        files.push_back(safetensorsFile(std::string(5000, '[') + std::string(5000, ']'), 0)); // depth
        files.push_back(safetensorsFile(header(a), 24, uint64_t(0)));
        files.push_back(safetensorsFile(header(a), 24, uint64_t(1) << 62));
        files.push_back(safetensorsFile(header(a), 24, uint64_t(7)));
        const auto good = safetensorsFile(header(a), 24);
        QVERIFY(hf::parseSafetensorsHeader(good, "good.safetensors").ok());
        for (size_t cut : {size_t(0), size_t(4), size_t(8), size_t(20), good.size() - 25, good.size() - 1})
            files.push_back(std::vector<uint8_t>(good.begin(), good.begin() + ptrdiff_t(cut)));
        for (size_t i = 0; i < files.size(); ++i) {
            auto parsed = hf::parseSafetensorsHeader(files[i], "hostile.safetensors");
            QVERIFY2(!parsed.ok(), qPrintable(QStringLiteral("hostile safetensors %1 accepted").arg(i)));
        }

        // Index files beside one good shard.
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        int refused = 0;
        const std::vector<std::string> indexes{
            R"({"weight_map":{"a":"../x.safetensors"}})", R"({"weight_map":{"a":"/etc/passwd"}})",
            R"({"weight_map":{"a":"missing.safetensors"}})", R"({"weight_map":{"zz":"model-1.safetensors"}})",
            R"({"weight_map":[]})", R"({"metadata":{}})", R"([])", R"({"weight_map":{"a":7}})",
            R"({"weight_map":{"a":"model-1.safetensors"})", R"({"weight_map":{"a":"model-1.safetensors","b":""}})",
            R"({"weight_map":{"a":"model-1.safetensors"}} trailing)",
            R"({"weight_map":{"a":"model-1.safetensors\u0000.x"}})", R"({"weight_map":{"a":"sub/model-1.safetensors"}})"};
        for (size_t i = 0; i < indexes.size(); ++i) {
            const fs::path folder = root / ("idx" + std::to_string(i));
            fs::create_directories(folder);
            std::ofstream(folder / "model-1.safetensors", std::ios::binary)
                .write(reinterpret_cast<const char*>(good.data()), std::streamsize(good.size()));
            std::ofstream(folder / "model.safetensors.index.json") << indexes[i];
            auto model = hf::SafetensorsModel::open(folder);
            QVERIFY2(!model.ok(), indexes[i].c_str());
            ++refused;
        }
        QCOMPARE(int(files.size()) + refused, 47);
    }
};

QTEST_GUILESS_MAIN(TestHostileHf)
#include "test_hostile_hf.moc"
