import { systemClock } from '../../electron/adapters/system-clock';
import { createBoardSim } from '../../electron/sim/board/board-sim';
import { createInProcessBoard } from '../../electron/sim/board/in-process';
import { createMemoryLedger } from '../../electron/sim/board/ledger';
import { FakeSerialLink } from '../fakes/fake-serial-link';
import { contractBoardConfig, describeSerialLinkContract } from './serial-link.contract';

describeSerialLinkContract('in-process simulated board (demo mode)', () => {
  const board = createInProcessBoard({ config: contractBoardConfig });
  return Promise.resolve({ link: board.link, ledger: board.ledger, close: () => board.close() });
});

describeSerialLinkContract('FakeSerialLink wired to the simulator', () => {
  const link = new FakeSerialLink();
  const ledger = createMemoryLedger();
  const sim = createBoardSim({ config: contractBoardConfig, clock: systemClock, ledger });
  link.respond((frame) => {
    sim.receive(frame);
  });
  sim.onTransmit((bytes) => {
    link.emitData(bytes);
  });
  return Promise.resolve({
    link,
    ledger,
    close: async () => {
      sim.close();
      await link.close();
    },
  });
});
