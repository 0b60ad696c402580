export { startMockUpstream, type MockOptions, type MockUpstream } from './mock-upstream';
export { countPromptTokens, countTokens, messageText, promptText } from './tokens';
