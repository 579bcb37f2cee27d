import type { UnitKind } from '../scenario/schema';
import { aircraftMachine } from './aircraft.machine';
import { shipMachine } from './ship.machine';
import { headquartersMachine } from './headquarters.machine';
import { vesselMachine } from './vessel.machine';

export const machines = {
  aircraft: aircraftMachine,
  ship: shipMachine,
  headquarters: headquartersMachine,
  vessel: vesselMachine,
} satisfies Record<UnitKind, unknown>;
