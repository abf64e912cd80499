import { OpenbaarProjection, OpenbareBerichtenProjection } from './openbaar/openbaar.projection';
import { HalfjaarberichtProjection } from './halfjaarberichten/halfjaarbericht.projection';
import { HerinneringProjection } from './herinneringen/herinnering.projection';
import { KamerStandProjection } from './kamer/kamer-stand.projection';
import { ImportProjection } from './importen/import.projection';
import { OpenVerloopProjection } from './open-verloop/open-verloop.projection';
import { Projection } from './projections/projection';
import { RegisterProjection } from './register/register.projection';

/** Every read model the application keeps; the runner, the rebuild and the verified rebuild use this one list. */
export function alleProjecties(): Projection[] {
  return [new RegisterProjection(), new HalfjaarberichtProjection(), new OpenVerloopProjection(), new ImportProjection(), new HerinneringProjection(), new KamerStandProjection(), new OpenbaarProjection(), new OpenbareBerichtenProjection()];
}
