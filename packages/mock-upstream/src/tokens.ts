// The mock counts exactly as the proxy's fallback does, so tests can compare the two.
export { countPromptTokens, countTokens, messageText } from '@tollgate/domain/tokens';
