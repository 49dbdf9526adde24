import { runAvailabilityEngineBench } from './availability-engine.bench.ts';
console.log(JSON.stringify(await runAvailabilityEngineBench()));
