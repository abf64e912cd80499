import { OpenbareWijzigingRow } from './openbaar/openbare-wijziging.entity';
import { HerinneringItemRow, HerinneringRow } from './herinneringen/herinnering.entity';
import { KamerOnbekendRow, KamerStandRow } from './kamer/kamer-stand.entity';
import { HalfjaarberichtRow } from './halfjaarberichten/halfjaarbericht.entity';
import { ImportBatchRow } from './importen/import-batch.entity';
import { OpenVerloopRow } from './open-verloop/open-verloop.entity';
import { ProjectionCheckpoint } from './projections/projection-checkpoint.entity';
import { RegisterItemLid } from './register/register-item-lid.entity';
import { RegisterItem } from './register/register-item.entity';
import { RegisterWaarde } from './register/register-waarde.entity';

export const READ_MODEL_ENTITIES = [ProjectionCheckpoint, RegisterItem, RegisterItemLid, RegisterWaarde, HalfjaarberichtRow, OpenVerloopRow, ImportBatchRow, HerinneringRow, HerinneringItemRow, KamerStandRow, KamerOnbekendRow, OpenbareWijzigingRow];
