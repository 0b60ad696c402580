import { MemoryLimitStore } from '../src/limits/memory-store';
import { limitStoreContract } from './support/limit-store-contract';

limitStoreContract('memory', async () => new MemoryLimitStore());
