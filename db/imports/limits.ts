export { IMPORT_LIMITS, type ImportLimits } from '../interchange/limits.js';
