/**
 * A handful of fictional signals for the demo zone, so the public view, the
 * queue and the tracking page show something on first start. They go through
 * the real use cases (checks, public points, timeline) and are then marked
 * as demo records and spread over the past weeks.
 */
import type { AppContext } from '../../platform/app-context.ts';
import type { Zone } from '../../platform/database/tables.ts';
import { newId } from '../../platform/ids.ts';
import { findStatusByCode } from '../categories/categories.repository.ts';
import { changeSignalStatus } from '../signals/change-signal-status.ts';
import { insertSignalEvent } from '../signals/signals.repository.ts';
import { prepareSignal, storeSignal } from '../signals/submit-signal.ts';

interface DemoSignal {
  category: string;
  lon: number;
  lat: number;
  daysAgo: number;
  description: string;
  status?: string;
  answer?: string;
  publicText?: string;
}

const demoSignals: DemoSignal[] = [
  {
    category: 'dumping',
    lon: 3.7262,
    lat: 51.0572,
    daysAgo: 2,
    description: 'Zakken huisvuil en een oude matras naast de glasbol op de Vrijdagmarkt.',
    publicText: 'Sluikstort naast de glasbol.',
    status: 'referred',
    answer: 'We gaven dit door aan de stadsdienst voor netheid; zij halen het deze week op.',
  },
  {
    category: 'noise',
    lon: 3.7208,
    lat: 51.0561,
    daysAgo: 5,
    description: 'Elke nacht na 2 uur luide muziek uit een café in de Hoogpoort.',
    publicText: 'Geluidsoverlast na 2 uur uit een horecazaak.',
    status: 'in_progress',
    answer: 'Je wijkinspecteur gaat langs bij de uitbater en volgt dit de komende weken op.',
  },
  {
    category: 'speeding',
    lon: 3.6978,
    lat: 51.0572,
    daysAgo: 12,
    description: 'Auto’s rijden veel te snel door de Phoenixstraat, vooral ’s avonds.',
    publicText: 'Te snel rijden in een woonstraat, vooral ’s avonds.',
    status: 'closed_answered',
    answer:
      'We plaatsten een snelheidsmeter en controleren twee weken extra. Resultaten volgen in het wijkoverleg.',
  },
  {
    category: 'vandalism',
    lon: 3.7351,
    lat: 51.0392,
    daysAgo: 20,
    description: 'Bushokje aan het Ledebergplein is opnieuw vernield, glas op de grond.',
    publicText: 'Vernield bushokje, glas op de grond.',
    status: 'fixed',
    answer: 'De Lijn heeft het glas vervangen en de resten opgeruimd.',
  },
  {
    category: 'youth-nuisance',
    lon: 3.7105,
    lat: 51.0695,
    daysAgo: 8,
    description:
      'Groep jongeren maakt ’s avonds veel lawaai en gooit blikjes in het park aan de Pierkespark.',
    publicText: 'Lawaai en zwerfvuil ’s avonds in een park.',
    status: 'in_progress',
    answer: 'We nemen contact op met het jeugdwerk in de buurt en gaan samen langs.',
  },
  {
    category: 'feeling-unsafe',
    lon: 3.7104,
    lat: 51.0372,
    daysAgo: 15,
    description: 'Het fietspad naar het station is ’s avonds erg donker; ik voel me er niet veilig.',
    publicText: 'Donker fietspad richting station.',
    status: 'closed_not_police',
    answer: 'Verlichting valt onder de stad; we gaven je melding door aan de dienst openbare verlichting.',
  },
  {
    category: 'burglary',
    lon: 3.7425,
    lat: 51.0612,
    daysAgo: 3,
    description: 'Poging tot inbraak langs de achterdeur, sporen van breekijzer.',
  },
  {
    category: 'dumping',
    lon: 3.7648,
    lat: 51.0789,
    daysAgo: 1,
    description: 'Bouwafval gedumpt langs de Oostakkerdorp, al drie dagen.',
  },
  {
    category: 'noise',
    lon: 3.7395,
    lat: 51.0448,
    daysAgo: 30,
    description: 'Werfgeluid op zondag vanaf 7 uur.',
    publicText: 'Werfgeluid op zondagochtend.',
    status: 'closed_answered',
    answer: 'De aannemer had geen toelating voor zondagwerk; hij is aangesproken.',
  },
  {
    category: 'speeding',
    lon: 3.6625,
    lat: 51.0395,
    daysAgo: 40,
    description: 'Sluipverkeer rijdt hard door de schoolstraat in Sint-Denijs-Westrem.',
    publicText: 'Hard rijdend sluipverkeer in een schoolstraat.',
    status: 'in_progress',
    answer: 'We bekijken met de stad extra maatregelen en controleren aan de schoolpoort.',
  },
];

export async function loadDemoSignals(context: AppContext, zone: Zone): Promise<number> {
  let created = 0;
  for (const demo of demoSignals) {
    const prepared = await prepareSignal(
      context,
      zone,
      {
        category: demo.category,
        description: demo.description,
        location: { lon: demo.lon, lat: demo.lat },
        anonymous: true,
        language: 'nl',
      },
      { channel: 'web', accountId: null },
      'nl',
    );
    const stored = await context.db.transaction().execute((trx) => storeSignal(context, trx, prepared));
    const when = new Date(context.now().getTime() - demo.daysAgo * 24 * 3600_000);
    await context.db.transaction().execute(async (trx) => {
      if (demo.status && demo.status !== 'new') {
        const status = await findStatusByCode(trx, zone.id, demo.status);
        const signal = await trx
          .selectFrom('signals')
          .select(['id', 'status_id'])
          .where('id', '=', stored.id)
          .executeTakeFirstOrThrow();
        if (status) await changeSignalStatus(trx, zone, signal, status.id, null, 'nl', when);
      }
      if (demo.answer) {
        await insertSignalEvent(
          trx,
          {
            id: newId(),
            zoneId: zone.id,
            signalId: stored.id,
            kind: 'answer_published',
            visibility: 'public',
            accountId: null,
            data: { answer: demo.answer },
          },
          when,
        );
      }
      await trx
        .updateTable('signals')
        .set({
          is_demo: true,
          created_at: when,
          updated_at: when,
          ...(demo.answer ? { public_answer: demo.answer, public_answer_at: when } : {}),
          ...(demo.publicText ? { public_text: demo.publicText, moderation: 'approved' as const } : {}),
        })
        .where('id', '=', stored.id)
        .execute();
      await trx
        .updateTable('signal_events')
        .set({ created_at: when })
        .where('signal_id', '=', stored.id)
        .where('kind', '=', 'created')
        .execute();
    });
    created += 1;
  }
  return created;
}
