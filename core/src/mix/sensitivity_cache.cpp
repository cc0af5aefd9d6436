// The sensitivity table as text, so that a cache is readable and a rerun is instant:
//   qf-mix-sensitivity 1
//   key <hex>
//   run <context> <chunks> <scored tokens> <imatrix 0|1> <seconds>
//   types <TYPE> <TYPE> ...
//   tensor <name> <elements> <layer>
//   kld <value per type>            (-1: the type cannot store the tensor)
//   error <value per type>
//   measured <0|1 per type>
#include <sstream>

#include "qf/mix/sensitivity.h"

namespace qf::mix {

std::string serializeSensitivity(const SensitivityTable& table) {
    std::string out = "qf-mix-sensitivity 1\n";
    out += fmt::format("key {}\n", table.key);
    out += fmt::format("run {} {} {} {} {:.3f}\n", table.context, table.chunks, table.scoredTokens,
                       table.usedImatrix ? 1 : 0, table.seconds);
    out += "types";
    for (GgmlType t : table.candidates) out += fmt::format(" {}", ggmlTypeName(t));
    out += "\n";
    for (const auto& t : table.tensors) {
        out += fmt::format("tensor {} {} {}\nkld", t.name, t.elements, t.layer);
        for (double v : t.kld) out += fmt::format(" {:.17g}", v);
        out += "\nerror";
        for (double v : t.weightedError) out += fmt::format(" {:.17g}", v);
        out += "\nmeasured";
        for (uint8_t v : t.measured) out += fmt::format(" {}", int(v));
        out += "\n";
    }
    return out;
}

Result<SensitivityTable> parseSensitivity(std::string_view text) {
    std::istringstream in{std::string(text)};
    std::string line, word;
    if (!std::getline(in, line) || line != "qf-mix-sensitivity 1")
        return makeError("not a sensitivity table (first line '{}')", line.substr(0, 40));
    SensitivityTable table;
    auto fail = [&](std::string_view what) { return makeError("sensitivity table: {} is malformed", what); };
    {
        if (!std::getline(in, line)) return fail("key");
        std::istringstream s(line);
        if (!(s >> word >> table.key) || word != "key") return fail("key");
    }
    {
        if (!std::getline(in, line)) return fail("run line");
        std::istringstream s(line);
        int imatrix = 0;
        if (!(s >> word >> table.context >> table.chunks >> table.scoredTokens >> imatrix >> table.seconds) ||
            word != "run")
            return fail("run line");
        table.usedImatrix = imatrix != 0;
    }
    {
        if (!std::getline(in, line)) return fail("types");
        std::istringstream s(line);
        if (!(s >> word) || word != "types") return fail("types");
        while (s >> word) {
            auto type = ggmlTypeFromName(word);
            if (!type) return makeError("sensitivity table: unknown type {}", word);
            table.candidates.push_back(*type);
        }
        if (table.candidates.empty()) return fail("types");
    }
    const size_t n = table.candidates.size();
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        std::istringstream s(line);
        TensorSensitivity t;
        if (!(s >> word >> t.name >> t.elements >> t.layer) || word != "tensor") return fail("tensor line");
        auto readRow = [&](std::string_view label, auto& values) -> Status {
            if (!std::getline(in, line)) return fail(label);
            std::istringstream r(line);
            if (!(r >> word) || word != label) return fail(label);
            values.clear();
            double v = 0;
            while (r >> v) values.push_back(static_cast<typename std::decay_t<decltype(values)>::value_type>(v));
            if (values.size() != n) return fail(label);
            return {};
        };
        QF_TRY(readRow("kld", t.kld));
        QF_TRY(readRow("error", t.weightedError));
        QF_TRY(readRow("measured", t.measured));
        table.tensors.push_back(std::move(t));
    }
    return table;
}

} // namespace qf::mix
