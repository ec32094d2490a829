#!/usr/bin/env bash
# The GitHub Action's script (action.yml). Every input arrives as an environment variable (INPUT_*), never as text
# spliced into this script, so paths and arguments are data: nothing below passes them through eval or a shell.
set -euo pipefail

fail() {
  # Workflow-command data escaping, so that an input quoted in the message cannot start a command of its own.
  local message="${1//'%'/%25}"
  message="${message//$'\r'/%0D}"
  message="${message//$'\n'/%0A}"
  echo "::error title=ManifestLint::$message"
  exit "${2:-2}"
}

# The tool could not be installed: exit 4, which no manifestlint run gives (0 clean, 1 findings, 2 usage, 3 internal
# error), so a failed install never reads as "findings" (dotnet's own exit code is 1 for most failures).
readonly install_failed=4
install_failure() {
  if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
    printf 'exit-code=%s\nsarif-file=\n' "$install_failed" >> "$GITHUB_OUTPUT"
  fi
  fail "$1" "$install_failed"
}

action_path="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set: run this script as the ManifestLint action}"
workspace="${GITHUB_WORKSPACE:-$PWD}"
temp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}"
fail_level="${INPUT_FAIL_LEVEL:-error}"
sarif_file="${INPUT_SARIF_FILE-manifestlint.sarif}"
annotations="${INPUT_ANNOTATIONS:-problem-matcher}"
version="${INPUT_VERSION:-}"

case "$fail_level" in error|warning|note|none) ;; *) fail "fail-level must be error, warning, note or none, not '$fail_level'" ;; esac
case "$annotations" in problem-matcher|workflow-commands|none) ;; *) fail "annotations must be problem-matcher, workflow-commands or none, not '$annotations'" ;; esac
if [[ -n "$version" && ! "$version" =~ ^[0-9A-Za-z.+-]+$ ]]; then
  fail "version '$version' is not a NuGet version"
fi
[[ "$sarif_file" != *$'\n'* && "$sarif_file" != *$'\r'* ]] || fail "sarif-file must be one line"
command -v dotnet >/dev/null || install_failure "dotnet is not on PATH: add actions/setup-dotnet with dotnet-version 10.0.x before this action"

# Paths: one per line; blank lines are skipped. Extra arguments: split at whitespace, without any shell expansion.
paths=()
while IFS= read -r line || [[ -n "$line" ]]; do
  line="${line#"${line%%[![:space:]]*}"}"
  line="${line%"${line##*[![:space:]]}"}"
  [[ -n "$line" ]] && paths+=("$line")
done <<< "${INPUT_PATHS:-.}"
[[ ${#paths[@]} -gt 0 ]] || paths=(.)
read -r -a extra <<< "${INPUT_ARGS:-}" || true

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Install the tool once per job (RUNNER_TEMP is per job): from NuGet when a version is given, otherwise packed from
# this action's own source, so the action and the linter always match.
tool_dir="$temp/manifestlint-tool-${version:-source}"
if [[ ! -x "$tool_dir/manifestlint" ]]; then
  if [[ -n "$version" ]]; then
    dotnet tool install --tool-path "$tool_dir" --version "$version" ManifestLint >&2 \
      || install_failure "dotnet tool install of ManifestLint $version failed (see the log above)"
  else
    package_dir="$temp/manifestlint-package"
    dotnet pack "$action_path/src/ManifestLint.Cli" --configuration Release --output "$package_dir" --nologo >&2 \
      || install_failure "dotnet pack of the action's code failed (see the log above)"
    package="$(find "$package_dir" -maxdepth 1 -name 'ManifestLint.[0-9]*.nupkg' | sort | tail -n 1)"
    [[ -n "$package" ]] || install_failure "dotnet pack produced no ManifestLint package in $package_dir"
    package_version="$(basename "$package" .nupkg)"
    package_version="${package_version#ManifestLint.}"
    dotnet tool install --tool-path "$tool_dir" --add-source "$package_dir" --version "$package_version" ManifestLint >&2 \
      || install_failure "dotnet tool install of the packed ManifestLint $package_version failed (see the log above)"
  fi
fi
[[ -x "$tool_dir/manifestlint" ]] || install_failure "the ManifestLint tool is not in $tool_dir after the install"
manifestlint="$tool_dir/manifestlint"

cd "$workspace"
exit_code=0

# One run writes every report: the SARIF file for github/codeql-action/upload-sarif (paths in it are relative to the
# repository root) and the annotations (MSBuild-style text read by the shipped problem matcher, or workflow commands),
# so both come from the same findings. Paths come after `--`, so that none is read as an option.
reports=()
if [[ -n "$sarif_file" ]]; then
  # The path is in the pull request's checkout: a file the pull request committed there (or one a crashed run left)
  # must never be uploaded as this run's results, so it is removed first and only a run that completed (exit 0 or 1)
  # hands one over.
  [[ ! -d "$sarif_file" || -L "$sarif_file" ]] || fail "sarif-file '$sarif_file' is a directory"
  rm -f -- "$sarif_file"
  reports+=(--format sarif --output "$sarif_file")
fi
case "$annotations" in
  workflow-commands) reports+=(--format github) ;;
  problem-matcher) reports+=(--format text) ;;
  none) [[ -n "$sarif_file" ]] || reports+=(--format text) ;;
esac

[[ "$annotations" == problem-matcher ]] && echo "::add-matcher::$action_path/.github/manifestlint-problem-matcher.json"
set +e
# Standard error joins standard output in order, so that the matcher also sees configuration warnings (a stale
# suppression comment, with its rule and column).
NO_COLOR=1 "$manifestlint" "${reports[@]}" --fail-level "$fail_level" "${extra[@]}" -- "${paths[@]}" 2>&1
exit_code=$?
set -e
if [[ "$annotations" == problem-matcher ]]; then
  echo "::remove-matcher owner=manifestlint::"
  echo "::remove-matcher owner=manifestlint-note::"
  echo "::remove-matcher owner=manifestlint-config::"
fi

if [[ -n "$sarif_file" ]] && [[ $exit_code -gt 1 || ! -f "$sarif_file" || -L "$sarif_file" ]]; then
  rm -f -- "$sarif_file"
  echo "exit-code=$exit_code" >> "${GITHUB_OUTPUT:-/dev/null}"
  echo "sarif-file=" >> "${GITHUB_OUTPUT:-/dev/null}"
  [[ $exit_code -gt 1 ]] || exit_code=3
  echo "::error title=ManifestLint::manifestlint did not complete (exit code $exit_code); no SARIF file is handed over"
  exit "$exit_code"
fi

if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
  {
    echo "exit-code=$exit_code"
    if [[ -n "$sarif_file" ]]; then echo "sarif-file=$sarif_file"; else echo "sarif-file="; fi
  } >> "$GITHUB_OUTPUT"
fi
exit "$exit_code"
