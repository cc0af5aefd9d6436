#pragma once
// Core's recommendation phrases (qf/recommend/phrase.h) in the person's language.
#include <vector>

#include <QString>

#include "qf/recommend/phrase.h"

namespace qf::ui {

QString translatePhrase(const recommend::Phrase& phrase);
// Joined with spaces, as sentences of one paragraph.
QString translatePhrases(const std::vector<recommend::Phrase>& phrases);

} // namespace qf::ui
