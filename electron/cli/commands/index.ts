import type { CommandGroup } from '../command';
import { boardCommand } from './board';
import { cloudCommand } from './cloud';
import { signCommand } from './sign';
import { simCommand } from './sim';
import { configCommand } from './config';
import { pinCommand } from './pin';
import { provisionCommand } from './provision';
import { buildCommand } from './build';
import { journalCommand } from './journal';
import { incidentCommand } from './incident';
import { kioskCommand } from './kiosk';
import { mqttCommand } from './mqtt';

/** Every command group, in the order `kioskctl help` lists them. Add one line per new group file. */
export const commandGroups: readonly CommandGroup[] = [
  signCommand,
  cloudCommand,
  simCommand,
  boardCommand,
  configCommand,
  pinCommand,
  provisionCommand,
  buildCommand,
  journalCommand,
  incidentCommand,
  kioskCommand,
  mqttCommand,
];
