import { useLocale, useTranslations } from 'next-intl';
import type { PlannerText } from './messages';
import type { AcceptanceCell } from '@/lib/analysis/acceptance';
import type { FamilyAnswer, Guideline, GuidelineNote, ItemAdvice, PlannerAnswer, PlannerFigure, TacticsAnswer } from '@/lib/analysis/planner';
import { formatNumber, formatPercent } from '@/lib/i18n/numbers';
import type { Label, Locale } from '@/lib/survey/codebook';
import { HelpTerm } from '@/app/components/help/HelpTerm';

/**
 * The planner's answer: per question family the expected share with its interval and base (or the
 * model's, with the raw cell beside it), the items to use, ask about first and avoid; then the
 * creepy tactics and the five guidelines where the dataset has them. Rendered on the server for
 * the first request and in the browser after that. A figure under the minimum base is greyed,
 * with its base and the reason, and never has an interval.
 */

const pct = (share: number | null | undefined, locale: Locale) => (share === null || share === undefined || Number.isNaN(share) ? '–' : formatPercent(share, locale));

/** “Very acceptable” or “Somewhat acceptable”: the answers that count, quoted as the survey has them. */
function answersText(labels: Label[], locale: Locale, t: PlannerText): string {
  const quoted = labels.map((l) => `“${l[locale]}”`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${t('or')} ${quoted[quoted.length - 1]}`;
}

/** A list of labels in running text: "Country, Gender and Age" / "Land, Geslacht en Leeftijd". */
function listText(labels: Label[], locale: Locale): string {
  const words = labels.map((l) => l[locale]);
  const and = locale === 'nl' ? 'en' : 'and';
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]}`;
}

/** A share with its base, greyed with the reason when the base is under the minimum. */
function SmallShare({ cell, minBase }: { cell: Pick<AcceptanceCell, 'share' | 'respondents' | 'smallBase'>; minBase: number }) {
  const locale = useLocale();
  const t = useTranslations('planner');
  if (!cell.smallBase) return <>{pct(cell.share, locale)}</>;
  return (
    <span className="small-base" data-small-base="true">
      {pct(cell.share, locale)} <span className="small-base-note">({t('tooSmallShort', { n: formatNumber(cell.respondents, locale), min: formatNumber(minBase, locale) })})</span>
    </span>
  );
}

function Estimate({ family, minBase }: { family: FamilyAnswer; minBase: number }) {
  const locale = useLocale();
  const t = useTranslations('planner');
  const at = family.atMoment!;
  const { raw, modelled, momentOverall, modelFailed } = at;
  const headline = modelled ? modelled.share : raw.share;
  const readable = modelled !== null || !raw.smallBase;
  const hasMoment = family.momentApplied;
  const reference = hasMoment ? momentOverall : family.overall;
  const who = t(hasMoment ? 'everyoneMoment' : 'everyone').toLowerCase();
  const diff = readable && headline !== null && reference.share !== null ? headline - reference.share : null;
  if (raw.respondents === 0 && !modelled) return <p data-testid="no-respondents">{t('noRespondents')}</p>;
  return (
    <div className="estimate" data-testid="estimate">
      <p className="big-number">
        <span data-testid="expected-share" className={readable ? undefined : 'small-base'}>
          {pct(headline, locale)}
        </span>
        {modelled && (
          <>
            <span className="badge badge-model">{t('modelled')}</span>
            <HelpTerm term="modelled" />
          </>
        )}
      </p>
      {modelled ? (
        // Under a raked weight, the interval of the raked design (lib/analysis/acceptanceModel.ts).
        <p data-testid="modelled-interval">
          {t('intervalModelled')}: {pct(modelled.ci.lower, locale)} – {pct(modelled.ci.upper, locale)}
        </p>
      ) : raw.smallBase ? null : (
        <p>
          {t('interval')}: {raw.ci ? `${pct(raw.ci.lower, locale)} – ${pct(raw.ci.upper, locale)}` : '–'} · n = {formatNumber(raw.respondents, locale)} {t('respondents')}
          {raw.ratings !== raw.respondents && `, ${formatNumber(raw.ratings, locale)} ${t('ratings')}`} ({t('effective')} {formatNumber(raw.effectiveBase, locale)})
        </p>
      )}
      {diff !== null &&
        (Math.abs(100 * diff) < 0.05 ? (
          <p className="delta" data-testid="delta">
            {t('pointsSame', { who, share: pct(reference.share, locale) })}
          </p>
        ) : (
          <p className={diff > 0 ? 'delta up' : 'delta down'} data-testid="delta">
            {diff > 0 ? '▲' : '▼'} {t(diff > 0 ? 'pointsAbove' : 'pointsBelow', { points: formatNumber(Math.abs(100 * diff), locale, 1), who, share: pct(reference.share, locale) })}
          </p>
        ))}
      {raw.smallBase && (
        <div className="model-note">
          {modelled && (
            <p>
              {t('modelledWhy', {
                n: formatNumber(raw.respondents, locale),
                min: formatNumber(minBase, locale),
                effects: listText(modelled.effects, locale),
                ratings: formatNumber(modelled.ratings, locale),
                respondents: formatNumber(modelled.respondents, locale),
              })}
            </p>
          )}
          {modelFailed && <p>{t('modelFailed', { n: formatNumber(raw.respondents, locale), min: formatNumber(minBase, locale) })}</p>}
          {raw.respondents > 0 && (
            <p data-testid="raw-cell" className="small-base">
              {t('rawCell')}: {pct(raw.share, locale)}, n = {formatNumber(raw.respondents, locale)} ({t('tooSmall', { min: formatNumber(minBase, locale) })})
            </p>
          )}
        </div>
      )}
      {modelled?.fit === 'misfit' && (
        <p className="warning" role="note" data-testid="model-misfit">
          {t('misfit', { n: formatNumber(raw.respondents, locale), share: pct(raw.share, locale), model: pct(modelled.share, locale) })}
        </p>
      )}
      <p className="muted small">
        {hasMoment && (
          <>
            {t('everyoneMoment')}: {pct(momentOverall.share, locale)} ·{' '}
          </>
        )}
        {t(hasMoment ? 'everyoneEveryMoment' : 'everyone')}: {pct(family.overall.share, locale)}
      </p>
    </div>
  );
}

/** An answer label in running text: "Yes" becomes "yes", "Not OK" "not OK"; "OK" and "TRUE" stay. */
const inText = (text: string) => (/^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);
const short = (labels: Label[] | null, fallback: string, locale: Locale) => (labels && labels.length === 1 ? inText(labels[0][locale]) : fallback);

function AdviceColumn({ advice, items, family, minBase }: { advice: 'use' | 'ask' | 'avoid'; items: ItemAdvice[]; family: FamilyAnswer; minBase: number }) {
  const locale = useLocale();
  const t = useTranslations('planner');
  const allWhole = family.atMoment!.items.every((d) => d.fromWholeSample);
  // Placed by all respondents when the audience is too small: the hint says whose answers decided.
  const hint =
    advice === 'use'
      ? family.positive
        ? t(allWhole ? 'useHintAll' : 'useHint', { answers: answersText(family.positive, locale, t) })
        : t(allWhole ? 'useHintAllMixed' : 'useHintMixed')
      : advice === 'avoid'
        ? family.negative
          ? t('avoidHint', { answers: answersText(family.negative, locale, t) })
          : t('avoidHintMixed')
        : t('askHint');
  return (
    <div className={`advice advice-${advice}`} data-testid={`advice-${advice}`}>
      <h3>
        <span aria-hidden="true" className="dot" />
        {t(advice)}
      </h3>
      <p className="muted small">{hint}</p>
      <ul>
        {items.map((d) => (
          <li key={d.item} data-item={d.item}>
            <span>{d.label[locale]}</span>
            {/* Each share keeps to one line; a narrow column breaks between them. */}
            <span className="num">
              <span className="nowrap">
                <SmallShare cell={d.ok} minBase={minBase} /> {short(family.positive, t('positiveShort'), locale)}
              </span>
              {d.notOk && (
                <>
                  {' · '}
                  <span className="nowrap">
                    {pct(d.notOk.share, locale)} {short(family.negative, t('negativeShort'), locale)}
                  </span>
                </>
              )}
              {d.fromWholeSample && !allWhole && <span className="muted"> ({t('wholeSampleItem')})</span>}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

const ADVICE = ['use', 'ask', 'avoid'] as const;

function FamilyCard({ family, minBase }: { family: FamilyAnswer; minBase: number }) {
  const locale = useLocale();
  const t = useTranslations('planner');
  const at = family.atMoment;
  const by = (advice: 'use' | 'ask' | 'avoid') => at!.items.filter((d) => d.advice === advice);
  const unplaced = at ? at.items.filter((d) => d.advice === null) : [];
  const titleId = `family-${family.family}`;
  return (
    <section className="card family" aria-labelledby={titleId} data-family={family.family}>
      <h2 id={titleId}>{family.label[locale]}</h2>
      <p className="muted">{family.positive ? t('positiveShare', { answers: answersText(family.positive, locale, t) }) : t('positiveShareMixed')}</p>
      {family.momentNotApplied.length > 0 && <p className="muted small">{t('momentNotApplied', { dimensions: listText(family.momentNotApplied, locale).toLowerCase() })}</p>}
      {!at ? (
        <p>{t('noItemAtMoment')}</p>
      ) : (
        <>
          <Estimate family={family} minBase={minBase} />
          {at.items.length > 0 && at.items.every((d) => d.fromWholeSample) && <p className="muted">{t('wholeSample', { min: formatNumber(minBase, locale) })}</p>}
          {/* Only the advice that has items gets a column (a lone column spans the card); the rest is named on one line. */}
          <div className="advice-grid">
            {ADVICE.filter((a) => by(a).length).map((a) => (
              <AdviceColumn key={a} advice={a} items={by(a)} family={family} minBase={minBase} />
            ))}
          </div>
          {ADVICE.some((a) => !by(a).length) && (
            <p className="advice-empty muted small">
              {ADVICE.filter((a) => !by(a).length)
                .map((a) => `${t(a)}: ${t('none').toLowerCase()}`)
                .join(' · ')}
            </p>
          )}
          {unplaced.length > 0 && (
            <p className="muted small" data-testid="unplaced">
              {t('unplaced')}:{' '}
              {unplaced.map((d, i) => (
                <span key={d.item}>
                  {i > 0 && '; '}
                  {d.label[locale]} <SmallShare cell={d.ok} minBase={minBase} />
                </span>
              ))}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function Tactics({ tactics, minBase }: { tactics: TacticsAnswer; minBase: number }) {
  const locale = useLocale();
  const t = useTranslations('planner');
  const who = tactics.used.map((u) => `${u.attribute[locale]}: ${u.level[locale]}`).join(', ') || t('tacticsEveryone');
  return (
    <section className="card" aria-labelledby="tactics-title">
      <h2 id="tactics-title">{t(tactics.source === 'study-p' ? 'tacticsTitleP' : 'tacticsTitle')}</h2>
      <ol className="tactics" data-testid="creepy-tactics">
        {tactics.tactics.map((tactic) => (
          <li key={tactic.item}>
            <span>{tactic.label[locale]}</span>
            <span className="num">
              <SmallShare cell={tactic.cell} minBase={minBase} /> {t('creepyShare')}
            </span>
          </li>
        ))}
      </ol>
      <p className="muted small">
        {t(tactics.source === 'study-p' ? 'tacticsUsed' : 'tacticsUsedOwn', { who })}
        {tactics.dropped.length > 0 && ` ${t('tacticsDropped', { attributes: listText(tactics.dropped, locale) })}`}
      </p>
    </section>
  );
}

function FigureCell({ figure, minBase }: { figure: PlannerFigure; minBase: number }) {
  const locale = useLocale();
  const t = useTranslations('planner');
  return (
    <td className={figure.smallBase ? 'num small-base' : 'num'}>
      <strong>{pct(figure.share, locale)}</strong>
      <span className="base">{figure.smallBase ? t('tooSmallShort', { n: formatNumber(figure.respondents, locale), min: formatNumber(minBase, locale) }) : `n = ${formatNumber(figure.respondents, locale)}`}</span>
    </td>
  );
}

/** The guideline's advice in words: lib/ chose which (plannerGuidelines), the planner's messages say it. */
function noteText(note: GuidelineNote, locale: Locale, t: PlannerText): string {
  return note.id === 'firstDate' ? t('note_firstDate', { item: note.dataType[locale].toLowerCase(), rankedBy: note.rankedBy }) : t(`note_${note.id}`);
}

function GuidelineCard({ guideline, minBase }: { guideline: Guideline; minBase: number }) {
  const locale = useLocale();
  const t = useTranslations('planner');
  const withAudience = guideline.figures.some((f) => f.audience !== null);
  return (
    <li className={`card guideline ${guideline.applies ? 'applies' : 'caution'}`} data-guideline={guideline.id}>
      <h3>{t(guideline.id)}</h3>
      <p className={`badge ${guideline.applies ? 'badge-ok' : 'badge-warn'}`}>{t(guideline.applies ? 'applies' : 'caution')}</p>
      <p>{noteText(guideline.note, locale, t)}</p>
      <table className="evidence">
        <caption>{t(guideline.measure === 'notOk' ? 'figuresNotOk' : 'figuresPositive')}</caption>
        <thead>
          <tr>
            <td />
            {withAudience && <th scope="col">{t('thisAudience')}</th>}
            <th scope="col">{t('wholeStudy')}</th>
          </tr>
        </thead>
        <tbody>
          {guideline.figures.map((f) => (
            <tr key={f.label === 'anyBond' ? f.label : f.label.en}>
              <th scope="row">{f.label === 'anyBond' ? t('anyBond') : f.label[locale]}</th>
              {withAudience && f.audience && <FigureCell figure={f.audience} minBase={minBase} />}
              <FigureCell figure={f.whole} minBase={minBase} />
            </tr>
          ))}
        </tbody>
      </table>
    </li>
  );
}

export function Answer({ answer }: { answer: PlannerAnswer }) {
  const locale = useLocale();
  const t = useTranslations('planner');
  const { minBase } = answer;
  const notShown = [
    ...(answer.guidelines ? [] : [t('guidelinesMissing', { gaps: listText(answer.guidelinesMissing, locale) })]),
    ...(answer.tactics ? [] : [t('tacticsMissing')]),
  ];
  return (
    <>
      {answer.families.length === 0 && <p>{t('noItems')}</p>}
      {answer.families.map((family) => (
        <FamilyCard key={family.family} family={family} minBase={minBase} />
      ))}
      {answer.tactics && <Tactics tactics={answer.tactics} minBase={minBase} />}
      {answer.guidelines && (
        <section aria-labelledby="guidelines-title">
          <h2 id="guidelines-title">{t('guidelinesTitle')}</h2>
          <ul className="guidelines">
            {answer.guidelines.map((g) => (
              <GuidelineCard key={g.id} guideline={g} minBase={minBase} />
            ))}
          </ul>
        </section>
      )}
      {notShown.length > 0 && (
        <section className="not-shown muted small" aria-labelledby="not-shown-title" data-testid="not-shown">
          <h2 id="not-shown-title">{t('notShownTitle')}</h2>
          <ul>
            {notShown.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
