// The public catalog page: published standards, searchable, in Simplified Chinese or English.
const TEXT = {
  zh: { title: '国家健康医疗大数据标准注册中心', api: '接口文档', signin: '登录', go: '搜索',
        intro: '已发布的标准向公众开放查阅。提案、起草、意见和审查需登录。', search: '按名称或编号搜索',
        allLevels: '全部层级', code: '标准编号', name: '名称', category: '类别', status: '状态',
        empty: '暂无已发布的标准。', error: '加载失败：', total: '共 {n} 项', lang: 'English',
        ACTIVE: '现行', ABOLISHED: '已废止', DRAFT: '制定中', WITHDRAWN: '已撤销',
        catalog: '资源目录', catalogIntro: '数据元、数据集、值集、代码系统和 FHIR 配置文件，支持中英文检索。',
        catalogSearch: '名称、定义、代码或标识符', allTypes: '全部类型', packages: 'FHIR 程序包下载',
        searchDown: '检索服务暂不可用，请稍后再试。', noPackages: '暂无程序包。',
        STANDARD: '标准', EDITION: '版本', DATA_ELEMENT: '数据元', DATA_SET: '数据集', VALUE_SET: '值集',
        CODE_SYSTEM: '代码系统', PROFILE: '配置文件', EXTENSION: '扩展' },
  en: { title: 'National Health and Medical Big Data Standards Registry', api: 'API', signin: 'Sign in', go: 'Search',
        intro: 'Published standards are open to the public. Proposals, drafting, comments and review need an account.',
        search: 'Search by name or code', allLevels: 'All levels', code: 'Code', name: 'Name',
        category: 'Category', status: 'Status', empty: 'No published standards yet.', error: 'Could not load: ',
        total: '{n} in all', lang: '中文', ACTIVE: 'In force', ABOLISHED: 'Abolished', DRAFT: 'In preparation',
        WITHDRAWN: 'Withdrawn',
        catalog: 'Resource catalog', catalogIntro: 'Data elements, data sets, value sets, code systems and FHIR profiles; search in Chinese or English.',
        catalogSearch: 'Name, definition, code or identifier', allTypes: 'All types', packages: 'FHIR package downloads',
        searchDown: 'Search is unavailable right now; please try again shortly.', noPackages: 'No packages yet.',
        STANDARD: 'Standard', EDITION: 'Edition', DATA_ELEMENT: 'Data element', DATA_SET: 'Data set',
        VALUE_SET: 'Value set', CODE_SYSTEM: 'Code system', PROFILE: 'Profile', EXTENSION: 'Extension' }
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

// Highlights come as text with <em> marks: escape everything, then let only those marks through.
function marked(text) {
  const span = document.createElement('span');
  span.textContent = text;
  span.innerHTML = span.innerHTML.replaceAll('&lt;em&gt;', '<em>').replaceAll('&lt;/em&gt;', '</em>');
  return span;
}

async function searchCatalog() {
  const params = new URLSearchParams({ size: '20' });
  const q = document.getElementById('cq').value.trim();
  const type = document.getElementById('ctype').value;
  if (q) params.set('q', q);
  if (type) params.set('type', type);
  const list = document.getElementById('items');
  list.replaceChildren();
  const res = await fetch('api/v1/catalog/search?' + params, { headers: { 'Accept-Language': lang === 'zh' ? 'zh-CN' : 'en' } });
  const body = await res.json();
  if (res.status === 503) { document.getElementById('catalog-pager').textContent = t('searchDown'); return; }
  if (!res.ok) { document.getElementById('catalog-pager').textContent = t('error') + (body.detail || res.status); return; }
  const select = document.getElementById('ctype');
  if (select.options.length === 1) {
    for (const f of body.facets.type) { select.append(new Option(t(f.value) + ' (' + f.count + ')', f.value)); }
  }
  for (const i of body.items) {
    const li = document.createElement('li');
    const kind = document.createElement('span'); kind.className = 'kind'; kind.textContent = t(i.type);
    const name = lang === 'zh' ? (i.highlights.nameZh?.[0] ?? i.nameZh) : (i.highlights.nameEn?.[0] ?? i.nameEn ?? i.nameZh);
    const id = document.createElement('code'); id.textContent = i.identifier;
    li.append(kind, marked(name), ' ', id);
    const def = (lang === 'zh' ? i.highlights.definitionZh : i.highlights.definitionEn)?.[0];
    if (def) { const p = document.createElement('div'); p.className = 'def'; p.append(marked(def)); li.append(p); }
    list.append(li);
  }
  document.getElementById('catalog-pager').textContent = t('total').replace('{n}', body.total);
}

async function loadPackages() {
  const list = document.getElementById('packages');
  list.replaceChildren();
  const res = await fetch('api/v1/packages');
  const body = res.ok ? await res.json() : [];
  if (body.length === 0) { const li = document.createElement('li'); li.textContent = t('noPackages'); list.append(li); }
  for (const p of body) {
    for (const v of p.versions) {
      const li = document.createElement('li'); const a = document.createElement('a');
      a.href = 'api/v1/packages/' + encodeURIComponent(p.name) + '/' + encodeURIComponent(v);
      a.textContent = p.name + '#' + v; li.append(a, ' ', p.description || ''); list.append(li);
    }
  }
}

document.getElementById('lang').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh'; applyLanguage(); load(); searchCatalog();
});
document.getElementById('search').addEventListener('submit', (e) => { e.preventDefault(); load(); });
document.getElementById('catalog-search').addEventListener('submit', (e) => { e.preventDefault(); searchCatalog(); });
applyLanguage();
// a catalog query can be linked: /?q=收缩压
document.getElementById('cq').value = new URLSearchParams(location.search).get('q') || '';
load();
searchCatalog();
loadPackages();
