/**
 * Token counts: o200k_base (gpt-4o's encoding) through gpt-tokenizer, a
 * special token's spelling counted as text, shared with the proxy's own
 * fallback (`@tollgate/domain/tokens`), so the mock and a proxy that counts
 * for itself always agree.
 *
 * What the mock reports as usage (each provider shape puts these numbers in
 * its own fields, see ./shapes):
 * - chat `prompt_tokens` = countPromptTokens(messages): the text of every
 *   message (a string content, or the `text` of its content parts; roles,
 *   names, tool calls and OpenAI's per-message framing are NOT counted),
 *   joined by "\n", tokenized once.
 * - completions / embeddings `prompt_tokens` = countTokens(promptText(body)):
 *   the string prompt(s) / input(s) joined by "\n", plus the length of every
 *   token-array prompt or input.
 * - Responses API `input_tokens` = countTokens(promptText(body)): the
 *   `instructions`, then the `input` string or each input item's text
 *   (string content or input_text parts), joined by "\n".
 * - `completion_tokens` / `output_tokens` = countTokens(content) of the reply
 *   plus the `[[reasoning:N]]` tokens, per choice, times the number of choices
 *   (n, and one choice per prompt for a completions prompt array). The
 *   reasoning tokens are also reported on their own (completion_tokens_details
 *   or output_tokens_details.reasoning_tokens) where the provider does, and
 *   count against max_tokens / max_completion_tokens / max_output_tokens first:
 *   the visible reply gets what is left.
 * - cached tokens (prompt_tokens_details.cached_tokens, input_tokens_details,
 *   DeepSeek's prompt_cache_hit_tokens, Moonshot's cached_tokens, vLLM's
 *   prompt_tokens_details): OpenAI's prompt-caching rule, deterministically.
 *   A prompt of at least 1024 tokens whose exact text (as counted above, any
 *   endpoint or model) this mock has answered before reports
 *   1024 + 128·⌊(prompt_tokens − 1024) / 128⌋ cached tokens (never more than
 *   prompt_tokens); a first-seen or shorter prompt reports 0. The mock keeps
 *   the SHA-1 of the last 8192 such texts (see ./cache); a failed request
 *   ([[fail:500]], [[fail:429]], [[fail:timeout]]) does not count as seen.
 *   Ollama reports none, and legacy completions (OpenAI's) report the three
 *   counts only.
 */
export { countPromptTokens, countTokens, encodeText, messageText, promptsOf, promptText, type Prompt } from '@tollgate/domain/tokens';
