import type { Application } from '../../shared/registration/application';
import { generateArticles } from '../../shared/registration/articles';
import { type RenderOptions, renderPdf } from './document';

/** The articles of association (公司章程) of an application as a PDF for e-signing and filing. */
export const articlesPdf = (
  app: Application,
  options: Pick<RenderOptions, 'fonts'> = {},
): Promise<Buffer> => {
  const articles = generateArticles(app);
  return renderPdf(
    (doc) => {
      doc.title(articles.title, 'Articles of Association');
      for (const section of articles.sections) {
        doc.heading(section.titleEn ? `${section.title}（${section.titleEn}）` : section.title);
        for (const p of section.paragraphs) doc.paragraph(p, { indent: true });
        if (section.table) {
          const [first, ...rest] = section.table.columns;
          doc.table(
            [
              { header: first ?? '', width: 1.6 },
              ...rest.map((h, i) => ({
                header: h,
                width: i === 1 ? 1.4 : 1,
                align: i === 0 ? ('left' as const) : ('right' as const),
              })),
            ],
            section.table.rows,
          );
        }
      }
      doc.footer(articles.title);
    },
    { title: articles.title, subject: '公司章程 Articles of Association', ...options },
  );
};
