import { translator } from '@/lib/i18n/messages';
import type { Label } from '@/lib/survey/codebook';

/** Texts of the datasets page, in English and Dutch. */
export const datasetMessages = {
  title: { en: 'Datasets', nl: 'Datasets' },
  intro: {
    en: 'Every dataset the product can analyse: the two reference studies, shipped with the product, and the survey exports analysts have uploaded.',
    nl: 'Elke dataset die het product kan analyseren: de twee referentieonderzoeken, meegeleverd met het product, en de enquête-exports die analisten hebben geüpload.',
  },
  tableCaption: { en: 'Reference and uploaded datasets', nl: 'Referentie- en geüploade datasets' },
  colName: { en: 'Name', nl: 'Naam' },
  colStyle: { en: 'Study style', nl: 'Onderzoeksstijl' },
  colRespondents: { en: 'Respondents', nl: 'Respondenten' },
  colAdded: { en: 'Added', nl: 'Toegevoegd' },
  colData: { en: 'Data', nl: 'Data' },
  colActions: { en: 'Actions', nl: 'Acties' },
  styleG: { en: 'Study G (Google/Ipsos)', nl: 'Onderzoek G (Google/Ipsos)' },
  styleP: { en: 'Study P (Accenture)', nl: 'Onderzoek P (Accenture)' },
  styleOwn: { en: 'Own survey ({style})', nl: 'Eigen enquête ({style})' },
  shipped: { en: 'Shipped with the product', nl: 'Meegeleverd met het product' },
  synthetic: { en: 'Synthetic', nl: 'Synthetisch' },
  real: { en: 'Uploaded data', nl: 'Geüploade data' },
  reference: { en: 'Reference, read-only', nl: 'Referentie, alleen-lezen' },
  delete: { en: 'Delete', nl: 'Verwijderen' },
  deleteLabel: { en: 'Delete {name}', nl: '{name} verwijderen' },
  apiJson: { en: 'Acceptance (JSON)', nl: 'Acceptatie (JSON)' },
  explore: { en: 'Explore', nl: 'Verkennen' },
  weighting: { en: 'Weighting', nl: 'Weging' },
  exploreLabel: { en: 'Explore {name}', nl: '{name} verkennen' },
  datasetSummary: { en: '{n} respondents, {items} questions in {families} families.', nl: '{n} respondenten, {items} vragen in {families} groepen.' },
  open: { en: 'Codebook and files', nl: 'Codeboek en bestanden' },
  codebookPage: { en: 'Codebook', nl: 'Codeboek' },
  codebookLabel: { en: 'Codebook of {name}', nl: 'Codeboek van {name}' },
  openLabel: { en: 'Codebook and files of {name}', nl: 'Codeboek en bestanden van {name}' },
  compareWith: { en: 'Compare with study {study}', nl: 'Vergelijken met onderzoek {study}' },
  compareLabel: { en: 'Compare {name} with study {study}', nl: '{name} vergelijken met onderzoek {study}' },
  confirmTitle: { en: 'Delete “{name}”?', nl: '“{name}” verwijderen?' },
  confirmText: {
    en: 'This removes the dataset and its {n} respondents for good. It cannot be undone.',
    nl: 'Hiermee worden de dataset en de {n} respondenten definitief verwijderd. Dit kan niet ongedaan worden gemaakt.',
  },
  confirmYes: { en: 'Yes, delete', nl: 'Ja, verwijderen' },
  cancel: { en: 'Cancel', nl: 'Annuleren' },
  deleted: { en: 'The dataset was deleted.', nl: 'De dataset is verwijderd.' },
  deleteFailed: { en: 'The dataset could not be deleted: {message}', nl: 'De dataset kon niet worden verwijderd: {message}' },
  notFound: { en: 'That dataset no longer exists.', nl: 'Die dataset bestaat niet meer.' },
  forbidden: { en: 'Deleting a dataset needs the analyst or admin role.', nl: 'Voor het verwijderen van een dataset is de rol analist of beheerder nodig.' },
  emptyTitle: { en: 'No uploads yet', nl: 'Nog geen uploads' },
  emptyText: {
    en: 'Upload your own survey to read it with every page of the dashboard: one row per respondent, one column per question, with a header row.',
    nl: 'Upload je eigen enquête om die met elke pagina van het dashboard te bekijken: één rij per respondent, één kolom per vraag, met een kopregel.',
  },
  emptyFormats: {
    en: 'Accepted: a CSV export (.csv, .tsv, .txt), an SPSS file (.sav) or an Excel workbook (.xlsx), up to 200 MB. A file shaped like one of the templates below is read at once; any other file is matched to its questions and answers in a few steps after you choose it.',
    nl: 'Geschikt: een CSV-export (.csv, .tsv, .txt), een SPSS-bestand (.sav) of een Excel-werkmap (.xlsx), tot 200 MB. Een bestand in de vorm van een van de sjablonen hieronder wordt meteen gelezen; elk ander bestand koppel je na het kiezen in een paar stappen aan de vragen en antwoorden.',
  },
  emptyUpload: { en: 'Upload a file', nl: 'Een bestand uploaden' },
  templatesTitle: { en: 'Templates and codebooks', nl: 'Sjablonen en codeboeken' },
  uploadLockedTitle: { en: 'Upload a dataset', nl: 'Een dataset uploaden' },
  uploadLockedSignedOut: {
    en: 'Uploading, mapping and deleting datasets needs an analyst account; uploaded datasets are visible to signed-in users only.',
    nl: 'Voor uploaden, koppelen en verwijderen van datasets is een analistenaccount nodig; geüploade datasets zijn alleen zichtbaar voor wie is ingelogd.',
  },
  uploadLockedRole: {
    en: 'Your role ({role}) may read every dataset; uploading, mapping and deleting need the analyst or admin role.',
    nl: 'Uw rol ({role}) mag elke dataset lezen; uploaden, koppelen en verwijderen vereisen de rol analist of beheerder.',
  },
  signIn: { en: 'Sign in', nl: 'Inloggen' },
  templatesIntro: {
    en: 'A CSV whose header matches a template exactly is read with that study’s codebook. Each template holds the header and three example rows (synthetic respondents).',
    nl: 'Een CSV waarvan de kopregel precies overeenkomt met een sjabloon wordt gelezen met het codeboek van dat onderzoek. Elk sjabloon bevat de kopregel en drie voorbeeldrijen (synthetische respondenten).',
  },
  templateCsv: { en: 'CSV template', nl: 'CSV-sjabloon' },
  codebook: { en: 'Codebook (JSON)', nl: 'Codeboek (JSON)' },
} satisfies Record<string, Label>;

export const datasetsText = translator(datasetMessages);
