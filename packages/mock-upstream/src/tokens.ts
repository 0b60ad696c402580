/**
 * Token counts: o200k_base (gpt-4o's encoding) through gpt-tokenizer's default
 * `encode`, shared with the proxy's own fallback (`@tollgate/domain/tokens`),
 * so the mock and a proxy that counts for itself always agree.
 *
 * What the mock reports as `usage`:
 * - chat `prompt_tokens` = countPromptTokens(messages): the text of every
 *   message (a string content, or the `text` of its content parts; roles,
 *   names, tool calls and OpenAI's per-message framing are NOT counted),
 *   joined by "\n", tokenized once.
 * - completions / embeddings `prompt_tokens` = countTokens(promptText(body)):
 *   the string prompt(s) / input(s) joined by "\n", plus the length of every
 *   token-array prompt or input.
 * - `completion_tokens` = countTokens(content) of the reply, times the number
 *   of choices (n, and one choice per prompt for a completions prompt array).
 */
export { countPromptTokens, countTokens, messageText, promptsOf, promptText, type Prompt } from '@tollgate/domain/tokens';
