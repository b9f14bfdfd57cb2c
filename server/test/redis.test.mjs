import { after } from 'node:test';
import { describeCounter } from './support/contract.mjs';
import { startRedis } from './support/redis.mjs';

const redis = await startRedis();
if (redis.skipReason) console.log(`# Redis tests skipped: ${redis.skipReason}`);
after(() => redis.stop?.());
let n = 0;

describeCounter('Redis', {
  skip: redis.skipReason ?? false,
  database: () => ({ db: redis.url, redisKeyPrefix: `contract-${(n += 1)}:` }),
  slowStore: (ms) => redis.pause(ms),
});
