/**
 * What kind of call a message is, for a listener deciding how to answer it: routine, safety,
 * warning or threat. The scenario can class a call outright (`class:`), and a procedure's hail
 * rule with `marker: WARNING` makes warnings; otherwise the words decide: a body with the SMCP
 * marker WARNING [S76] is a warning, a call marked safety is a safety call, anything else is
 * routine. Nothing is a threat unless the scenario says so: no
 * source gives a rule for telling a threat from a warning by its words.
 */
import type { CallClass, Transmission } from '../log';
import { words } from './hearing';

export function callClass(tx: Pick<Transmission, 'class' | 'body' | 'safety'>): CallClass {
  if (tx.class) return tx.class;
  if (words(tx.body).includes('WARNING')) return 'warning';
  return tx.safety ? 'safety' : 'routine';
}
