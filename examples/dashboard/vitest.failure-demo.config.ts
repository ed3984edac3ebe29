import { defineConfig } from 'vitest/config';

// Only the failure demo, which `vitest run` (default include: *.test.ts) leaves out.
export default defineConfig({ test: { include: ['failure-demo/**/*.demo.ts'] } });
