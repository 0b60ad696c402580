export { startMockUpstream, type MockOptions, type MockUpstream } from './mock-upstream';
export { countPromptTokens, countTokens, messageText, promptText } from './tokens';
export { CACHE_MIN_TOKENS, CACHE_STEP_TOKENS, cachedTokensOf } from './cache';
export { reasoningText } from './reply';
export { PROVIDERS, type Provider } from './shapes';
