import { SerialPort } from 'serialport';
import { openSerialLink } from '../../electron/adapters/serialport-link';
import { systemClock } from '../../electron/adapters/system-clock';
import { createBoardSim } from '../../electron/sim/board/board-sim';
import { createMemoryLedger } from '../../electron/sim/board/ledger';
import { MemoryLogger } from '../fakes/memory-logger';
import { startPtyPair } from '../helpers/socat';
import { contractBoardConfig, describeSerialLinkContract } from './serial-link.contract';
import { describeWithSocat } from '../helpers/describe-with-socat';

describeWithSocat('real adapter', () => {
  describeSerialLinkContract('serialport over a socat pty', async () => {
    const pty = await startPtyPair();
    const boardEnd = new SerialPort({ path: pty.board, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => {
      boardEnd.open((e) => {
        if (e) reject(e);
        else resolve();
      });
    });
    const ledger = createMemoryLedger();
    const sim = createBoardSim({ config: contractBoardConfig, clock: systemClock, ledger });
    boardEnd.on('data', (chunk: Buffer) => {
      sim.receive(new Uint8Array(chunk));
    });
    sim.onTransmit((bytes) => boardEnd.write(Buffer.from(bytes)));
    const link = openSerialLink({
      path: pty.kiosk,
      baud: 9600,
      logger: new MemoryLogger(),
      reconnect: false,
    });
    await link.settled();
    return {
      link,
      ledger,
      close: async () => {
        await link.close();
        sim.close();
        await new Promise<void>((resolve) => {
          boardEnd.close(() => {
            resolve();
          });
        });
        await pty.stop();
      },
    };
  });
});
