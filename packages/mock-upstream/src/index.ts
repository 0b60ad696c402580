export { startMockUpstream, type MockOptions } from './mock-upstream';
export { countPromptTokens, countTokens } from './tokens';
