// Names of the scenario's entities (functions, queues, topics, mappings, traffic sources): what a
// name may look like, and references from one entity to another.
#include <algorithm>

#include <fmt/format.h>

#include "lambdasim/scenario/section_readers.hpp"
#include "lambdasim/scenario/suggestion.hpp"

namespace lambdasim {

void check_entity_name(const YamlField& key_field, const std::string& name, const std::string& what,
                       std::size_t max_length) {
    bool ok = !name.empty() && name.size() <= max_length;
    for (char c : name)
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    if (ok) return;
    std::string hint = fmt::format("use 1 to {} letters, digits, `-` or `_`, as AWS names do", max_length);
    const std::string fifo_suffix = ".fifo";
    if (what == "queue" && name.size() > fifo_suffix.size() &&
        name.compare(name.size() - fifo_suffix.size(), fifo_suffix.size(), fifo_suffix) == 0)
        hint = "SQS's `.fifo` name suffix is written `type: fifo` here; name the queue `" +
               name.substr(0, name.size() - fifo_suffix.size()) + "`";
    key_field.fail_at_key(fmt::format("`{}` is not a valid {} name", name, what), hint);
}

std::string read_reference(const YamlField& field, const std::vector<std::string>& known, const std::string& what) {
    const std::string name = read_text(field);
    if (std::find(known.begin(), known.end(), name) != known.end()) return name;
    std::string hint;
    if (known.empty()) {
        hint = fmt::format("the scenario defines no {0}s; add one under `{0}s:`", what);
    } else {
        hint = fmt::format("known {}s: {}", what, join_quoted(known));
        if (auto match = closest_match(name, known)) hint = "did you mean `" + *match + "`? " + hint;
    }
    field.fail(fmt::format("no {} named `{}`", what, name), hint);
}

}  // namespace lambdasim
