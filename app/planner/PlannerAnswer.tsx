import type { DataTypeAdvice, Guideline, PlannerAnswer } from '@/lib/analysis/planner';
import { formatNumber, formatPercent } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/survey/codebook';
import { pt } from './messages';

/** The planner's answer: the expected acceptance, the data types by advice, creepy tactics and the guidelines. Rendered on the server for the first request and in the browser after that. */

const pct = (share: number | null | undefined, locale: Locale) => (share === null || share === undefined || Number.isNaN(share) ? '–' : formatPercent(share, locale));

function Estimate({ answer, locale }: { answer: PlannerAnswer; locale: Locale }) {
  const { raw, modelled, momentOverall, overall, minBase } = answer;
  const headline = modelled ? modelled.share : raw.share;
  const interval = modelled ? modelled.ci : raw.ci;
  const diff = headline !== null && momentOverall.share !== null ? headline - momentOverall.share : null;
  return (
    <section className="card estimate" aria-labelledby="estimate-title" data-testid="estimate">
      <h2 id="estimate-title">{pt(locale, 'expected')}</h2>
      {headline === null ? (
        <p>{pt(locale, 'noRespondents')}</p>
      ) : (
        <>
          <p className="big-number">
            <span data-testid="expected-share">{pct(headline, locale)}</span>
            {modelled && <span className="badge badge-model">{pt(locale, 'modelled')}</span>}
          </p>
          <p>
            {pt(locale, 'interval')}: {interval ? `${pct(interval.lower, locale)} – ${pct(interval.upper, locale)}` : '–'}
            {!modelled && (
              <>
                {' · '}
                n = {formatNumber(raw.respondents, locale)} {pt(locale, 'respondents')}, {formatNumber(raw.ratings, locale)} {pt(locale, 'ratings')} ({pt(locale, 'effective')} {formatNumber(raw.effectiveBase, locale)})
              </>
            )}
          </p>
          {diff !== null && (
            <p className={diff >= 0 ? 'delta up' : 'delta down'} data-testid="delta">
              {diff >= 0 ? '▲' : '▼'} {formatNumber(Math.abs(100 * diff), locale, 1)} {locale === 'nl' ? 'procentpunt' : 'points'} {diff >= 0 ? (locale === 'nl' ? 'boven' : 'above') : locale === 'nl' ? 'onder' : 'below'} {pt(locale, 'everyoneMoment').toLowerCase()} ({pct(momentOverall.share, locale)})
            </p>
          )}
        </>
      )}
      {modelled && (
        <div className="model-note">
          <p>{pt(locale, 'modelledWhy', { min: minBase })}</p>
          <p data-testid="raw-cell">
            {pt(locale, 'rawCell')}: {pct(raw.share, locale)}, n = {formatNumber(raw.respondents, locale)} ({pt(locale, 'tooSmall', { min: minBase })})
          </p>
        </div>
      )}
      <p className="muted small">
        {pt(locale, 'everyoneMoment')}: {pct(momentOverall.share, locale)} · {pt(locale, 'everyone')}: {pct(overall.share, locale)}
      </p>
    </section>
  );
}

function DataTypeColumn({ advice, items, locale }: { advice: 'use' | 'ask' | 'avoid'; items: DataTypeAdvice[]; locale: Locale }) {
  const hint = { use: 'useHint', ask: 'askHint', avoid: 'avoidHint' } as const;
  return (
    <div className={`advice advice-${advice}`} data-testid={`advice-${advice}`}>
      <h3>
        <span aria-hidden="true" className="dot" />
        {pt(locale, advice)}
      </h3>
      <p className="muted small">{pt(locale, hint[advice])}</p>
      {items.length === 0 ? (
        <p className="muted">{pt(locale, 'none')}</p>
      ) : (
        <ul>
          {items.map((d) => (
            <li key={d.item} data-item={d.item}>
              <span>{d.label[locale]}</span>
              <span className="num">
                {pct(d.ok.share, locale)} {pt(locale, 'okShare')} · {pct(d.notOk.share, locale)} {pt(locale, 'notOkShare')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function GuidelineCard({ guideline, locale }: { guideline: Guideline; locale: Locale }) {
  const { evidence } = guideline;
  return (
    <li className={`card guideline ${guideline.applies ? 'applies' : 'caution'}`} data-guideline={guideline.id}>
      <h3>{pt(locale, guideline.id)}</h3>
      <p className={`badge ${guideline.applies ? 'badge-ok' : 'badge-warn'}`}>{pt(locale, guideline.applies ? 'applies' : 'caution')}</p>
      <p>{guideline.note[locale]}</p>
      <p className="evidence">
        {evidence.label[locale]}: <strong>{pct(evidence.share, locale)}</strong>
        {guideline.id === 'firstDate' && ` ${pt(locale, 'notOkOf')}`}
        {evidence.against && (
          <>
            {' '}
            vs {evidence.against.label[locale]}: <strong>{pct(evidence.against.share, locale)}</strong>
          </>
        )}
      </p>
    </li>
  );
}

export function Answer({ answer, locale }: { answer: PlannerAnswer; locale: Locale }) {
  const by = (advice: 'use' | 'ask' | 'avoid') => answer.dataTypes.filter((d) => d.advice === advice);
  const who = Object.values(answer.tacticsAudience).join(', ') || pt(locale, 'tacticsEveryone');
  return (
    <>
      <Estimate answer={answer} locale={locale} />
      <section className="card" aria-labelledby="data-title">
        <h2 id="data-title">{pt(locale, 'dataTitle')}</h2>
        {answer.dataTypes[0]?.fromWholeSample && <p className="muted">{pt(locale, 'wholeSample')}</p>}
        <div className="advice-grid">
          <DataTypeColumn advice="use" items={by('use')} locale={locale} />
          <DataTypeColumn advice="ask" items={by('ask')} locale={locale} />
          <DataTypeColumn advice="avoid" items={by('avoid')} locale={locale} />
        </div>
      </section>
      <section className="card" aria-labelledby="tactics-title">
        <h2 id="tactics-title">{pt(locale, 'tacticsTitle')}</h2>
        <ol className="tactics" data-testid="creepy-tactics">
          {answer.creepyTactics.map((tactic) => (
            <li key={tactic.item}>
              <span>{tactic.label[locale]}</span>
              <span className="num">
                {pct(tactic.cell.share, locale)} {pt(locale, 'creepyShare')}
              </span>
            </li>
          ))}
        </ol>
        <p className="muted small">{pt(locale, 'tacticsAudience', { who })}</p>
      </section>
      <section aria-labelledby="guidelines-title">
        <h2 id="guidelines-title">{pt(locale, 'guidelinesTitle')}</h2>
        <ul className="guidelines">
          {answer.guidelines.map((g) => (
            <GuidelineCard key={g.id} guideline={g} locale={locale} />
          ))}
        </ul>
      </section>
    </>
  );
}
