// The public catalog page: published standards, searchable, in Simplified Chinese or English.
const TEXT = {
  zh: { title: '国家健康医疗大数据标准注册中心', api: '接口文档', signin: '登录', go: '搜索',
        intro: '已发布的标准向公众开放查阅。提案、起草、意见和审查需登录。', search: '按名称或编号搜索',
        allLevels: '全部层级', code: '标准编号', name: '名称', category: '类别', status: '状态',
        empty: '暂无已发布的标准。', error: '加载失败：', total: '共 {n} 项', lang: 'English',
        ACTIVE: '现行', ABOLISHED: '已废止', DRAFT: '制定中', WITHDRAWN: '已撤销' },
  en: { title: 'National Health and Medical Big Data Standards Registry', api: 'API', signin: 'Sign in', go: 'Search',
        intro: 'Published standards are open to the public. Proposals, drafting, comments and review need an account.',
        search: 'Search by name or code', allLevels: 'All levels', code: 'Code', name: 'Name',
        category: 'Category', status: 'Status', empty: 'No published standards yet.', error: 'Could not load: ',
        total: '{n} in all', lang: '中文', ACTIVE: 'In force', ABOLISHED: 'Abolished', DRAFT: 'In preparation',
        WITHDRAWN: 'Withdrawn' }
};
let lang = (navigator.language || 'zh').toLowerCase().startsWith('en') ? 'en' : 'zh';
const t = (k) => TEXT[lang][k] || k;

function applyLanguage() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  document.getElementById('lang').textContent = t('lang');
}

function cell(text) { const td = document.createElement('td'); td.textContent = text ?? ''; return td; }

async function load() {
  const params = new URLSearchParams({ size: '50' });
  const q = document.getElementById('q').value.trim();
  const level = document.getElementById('level').value;
  if (q) params.set('q', q);
  if (level) params.set('level', level);
  const rows = document.getElementById('rows');
  rows.replaceChildren();
  try {
    const res = await fetch('api/v1/standards?' + params, { headers: { 'Accept-Language': lang === 'zh' ? 'zh-CN' : 'en' } });
    const body = await res.json();
    if (!res.ok) throw new Error(body.detail || res.status);
    if (body.items.length === 0) {
      const tr = document.createElement('tr'); const td = cell(t('empty')); td.colSpan = 4; td.className = 'empty';
      tr.append(td); rows.append(tr);
    }
    for (const s of body.items) {
      const tr = document.createElement('tr');
      tr.append(cell(s.currentCode || s.number), cell(lang === 'zh' ? s.titleZh : (s.titleEn || s.titleZh)),
                cell(s.category), cell(t(s.status)));
      rows.append(tr);
    }
    document.getElementById('pager').textContent = t('total').replace('{n}', body.total);
  } catch (e) {
    document.getElementById('pager').textContent = t('error') + e.message;
  }
}

document.getElementById('lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; applyLanguage(); load(); });
document.getElementById('search').addEventListener('submit', (e) => { e.preventDefault(); load(); });
applyLanguage();
load();
