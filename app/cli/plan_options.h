#pragma once
// The llama-quantize style options shared by `quantforge-cli plan` and `quantize`.
#include <memory>
#include <string>
#include <vector>

#include "cli/cli_args.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/plan.h"
#include "qf/quant/preset.h"

namespace qf::cli {

// Adds the plan options to a command's argument spec.
void addPlanOptions(ArgSpec& spec);

struct PlanRequest {
    std::vector<const quant::Preset*> presets;
    quant::PlanOptions options;
    std::shared_ptr<quant::Imatrix> imatrix; // keeps options.imatrix alive
};

// Reads --types (default Q4_K_M), the overrides and --imatrix. Errors name the bad value.
Result<PlanRequest> planRequestFrom(const Args& args);

extern const char* const kPlanOptionsHelp;

// " (pass --allow-requantize to do it anyway)" when a plan failed because the source is quantized.
std::string requantizeHint(const Error& planError);

} // namespace qf::cli
