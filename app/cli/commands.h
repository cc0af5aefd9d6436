#pragma once
// One function per quantforge-cli command. Each returns the process exit code: 0 success, 1 failure of
// the work (the message is printed), 2 bad usage.
#include <string>
#include <vector>

namespace qf::cli {

int runInspect(const std::vector<std::string>& args);
int runSynth(const std::vector<std::string>& args);
int runPlan(const std::vector<std::string>& args);
int runQuantize(const std::vector<std::string>& args);
int runHardware(const std::vector<std::string>& args);
int runRecommend(const std::vector<std::string>& args);
int runPerplexity(const std::vector<std::string>& args);
int runKld(const std::vector<std::string>& args);
int runTokenize(const std::vector<std::string>& args);
int runConvert(const std::vector<std::string>& args);
int runImatrix(const std::vector<std::string>& args);
int runGenerate(const std::vector<std::string>& args);
int runExport(const std::vector<std::string>& args);
int runMix(const std::vector<std::string>& args);
int runVerifyLock(const std::vector<std::string>& args);
int runMerge(const std::vector<std::string>& args);

} // namespace qf::cli
