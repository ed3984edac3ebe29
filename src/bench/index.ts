/**
 * `npm run bench`: every section's figures, measured in one run, printed as a table. Figures that the
 * README quotes come from here, never from a timed unit test.
 */
import { arbitrariesBench } from './arbitraries.js';
import { concurrencyBench } from './concurrency.js';
import { contractBench } from './contract.js';
import { emulatorBench } from './emulator.js';
import { loopingBench } from './looping.js';
import { roundTripBench } from './round-trip.js';
import type { BenchSection } from './section.js';

// The SDK's notice that its future releases need Node 22 would interleave with the tables.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// `--only concurrency` (or any section's first word: `--only round-trip`) runs one section: those two take minutes.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const sections: BenchSection[] = [arbitrariesBench, emulatorBench, contractBench, loopingBench, concurrencyBench, roundTripBench].filter((s) => !only || s.title.toLowerCase().startsWith(only));

for (const section of sections) {
  console.log(`\n## ${section.title}\n`);
  console.log('| figure | value | unit | note |\n| --- | ---: | --- | --- |');
  for (const f of await section.run()) {
    const value = f.value >= 100 ? Math.round(f.value).toLocaleString('en-US') : f.value.toFixed(2);
    console.log(`| ${f.name} | ${value} | ${f.unit} | ${f.note ?? ''} |`);
  }
}
