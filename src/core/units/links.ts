import type { UnitInfo } from './protocol';

/**
 * The link a unit reaches another over: the first link (in the scenario's order) both are on;
 * none to itself. `linkTo` is shared by every unit on the same links, itself among its keys.
 */
export function linkToward(unit: Pick<UnitInfo, 'id' | 'linkTo'>, other: string): string | undefined {
  return other === unit.id ? undefined : unit.linkTo[other];
}
