import { Table, Typography } from 'antd';
import type { ArticlesDocument } from '../../../../shared/api/registration';

/** The generated articles of association, as a reader sees them (Chinese is the legal text). */
export const ArticlesView = ({ doc }: { doc: ArticlesDocument }) => (
  <article data-testid="reg-articles" style={{ maxHeight: '60vh', overflowY: 'auto', paddingRight: 8 }}>
    <Typography.Title level={2} style={{ textAlign: 'center' }}>
      {doc.title}
    </Typography.Title>
    {doc.sections.map((s) => (
      <section key={s.title}>
        <Typography.Title level={3}>
          {s.title}
          {s.titleEn && <Typography.Text type="secondary"> {s.titleEn}</Typography.Text>}
        </Typography.Title>
        {s.paragraphs.map((p) => (
          <Typography.Paragraph key={p} style={{ textIndent: '2em' }}>
            {p}
          </Typography.Paragraph>
        ))}
        {s.table && (
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => r.join('|')}
            columns={s.table.columns.map((c, i) => ({
              title: c,
              key: String(i),
              render: (_: unknown, row: string[]) => row[i],
            }))}
            dataSource={s.table.rows}
            // Wide tables scroll inside the articles instead of widening a phone's page.
            scroll={{ x: 'max-content' }}
            style={{ marginBottom: 16 }}
          />
        )}
      </section>
    ))}
  </article>
);
