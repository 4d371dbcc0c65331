#!/usr/bin/env python3
"""Generates the sample national core package (standards/hmbd-core-sample/0.1.0).

SAMPLE CONTENT, NOT AN OFFICIAL TEXT: written for the registry's tests and demonstrations from
public facts about Chinese national code tables (GB/T 2261.1, GB/T 3304, GB/T 2260, GB 11643,
GB 32100). Run it after changing it; its output is committed.
"""
import json, os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hmbd-core-sample", "0.1.0")
BASE = "http://fhir.hmbd-registry.org/sample/core"
VERSION = "0.1.0"
NOTE = "示例内容，非官方标准文本 / Sample content, not an official standard text."
RESIDENT_ID = BASE + "/NamingSystem/resident-id"
USCC = BASE + "/NamingSystem/uscc"

def write(folder, name, obj):
    os.makedirs(os.path.join(OUT, folder), exist_ok=True)
    with open(os.path.join(OUT, folder, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=2)
        f.write("\n")

def meta(rt, id, title_zh, title_en):
    return {"resourceType": rt, "id": id, "url": f"{BASE}/{rt}/{id}", "version": VERSION,
            "name": "".join(w.capitalize() for w in id.replace("-", " ").split()), "title": title_zh,
            "status": "active", "experimental": True, "publisher": "hmbd-registry (sample)",
            "description": f"{title_zh} / {title_en}. {NOTE}",
            "extension": [], }

def strip_ext(r):
    if not r.get("extension"):
        r.pop("extension", None)
    return r

def codesystem(id, title_zh, title_en, concepts, content="complete"):
    cs = meta("CodeSystem", id, title_zh, title_en)
    cs.update({"caseSensitive": True, "content": content, "count": len(concepts),
               "concept": [{"code": c, "display": zh,
                            "designation": [{"language": "en", "value": en}]} if en else {"code": c, "display": zh}
                           for c, zh, en in concepts]})
    return strip_ext(cs)

def valueset(id, title_zh, title_en, system):
    vs = meta("ValueSet", id, title_zh, title_en)
    vs["compose"] = {"include": [{"system": system}]}
    return strip_ext(vs)

SEX = [("0", "未知的性别", "Unknown"), ("1", "男性", "Male"), ("2", "女性", "Female"), ("9", "未说明的性别", "Not stated")]
ETHNIC = ["汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族",
          "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族",
          "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族",
          "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族",
          "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族"]
ETHNIC_CODES = [(f"{i + 1:02d}", n, None) for i, n in enumerate(ETHNIC)] + [("97", "其他", "Other"), ("98", "外国血统中国籍人士", "Chinese citizen of foreign origin")]
PROVINCES = [("110000", "北京市", "Beijing"), ("120000", "天津市", "Tianjin"), ("130000", "河北省", "Hebei"),
             ("140000", "山西省", "Shanxi"), ("150000", "内蒙古自治区", "Inner Mongolia"), ("210000", "辽宁省", "Liaoning"),
             ("220000", "吉林省", "Jilin"), ("230000", "黑龙江省", "Heilongjiang"), ("310000", "上海市", "Shanghai"),
             ("320000", "江苏省", "Jiangsu"), ("330000", "浙江省", "Zhejiang"), ("340000", "安徽省", "Anhui"),
             ("350000", "福建省", "Fujian"), ("360000", "江西省", "Jiangxi"), ("370000", "山东省", "Shandong"),
             ("410000", "河南省", "Henan"), ("420000", "湖北省", "Hubei"), ("430000", "湖南省", "Hunan"),
             ("440000", "广东省", "Guangdong"), ("450000", "广西壮族自治区", "Guangxi"), ("460000", "海南省", "Hainan"),
             ("500000", "重庆市", "Chongqing"), ("510000", "四川省", "Sichuan"), ("520000", "贵州省", "Guizhou"),
             ("530000", "云南省", "Yunnan"), ("540000", "西藏自治区", "Tibet"), ("610000", "陕西省", "Shaanxi"),
             ("620000", "甘肃省", "Gansu"), ("630000", "青海省", "Qinghai"), ("640000", "宁夏回族自治区", "Ningxia"),
             ("650000", "新疆维吾尔自治区", "Xinjiang"), ("710000", "台湾省", "Taiwan"), ("810000", "香港特别行政区", "Hong Kong"),
             ("820000", "澳门特别行政区", "Macao")]
VITALS = [("8867-4", "心率", "Heart rate", "/min"), ("9279-1", "呼吸频率", "Respiratory rate", "/min"),
          ("8310-5", "体温", "Body temperature", "Cel"), ("8480-6", "收缩压", "Systolic blood pressure", "mm[Hg]"),
          ("8462-4", "舒张压", "Diastolic blood pressure", "mm[Hg]"), ("29463-7", "体重", "Body weight", "kg"),
          ("8302-2", "身高", "Body height", "cm")]

def sd(id, title_zh, title_en, type_, elements, base=None, kind="resource", context=None):
    s = meta("StructureDefinition", id, title_zh, title_en)
    s.update({"fhirVersion": "4.0.1", "kind": kind, "abstract": False, "type": type_,
              "baseDefinition": base or f"http://hl7.org/fhir/StructureDefinition/{type_}",
              "derivation": "constraint", "differential": {"element": elements}})
    if context:
        s["context"] = context
    return strip_ext(s)

def el(path, **kw):
    e = {"id": kw.pop("id", path), "path": path}
    e.update(kw)
    return e

def extension(id, title_zh, title_en, value_type, vs, context):
    url = f"{BASE}/StructureDefinition/{id}"
    return sd(id, title_zh, title_en, "Extension", [
        el("Extension", short=title_zh, definition=f"{title_zh} / {title_en}", min=0, max="1"),
        el("Extension.extension", max="0"),
        el("Extension.url", fixedUri=url),
        el("Extension.value[x]", min=1, type=[{"code": value_type}],
           binding={"strength": "required", "valueSet": vs}),
    ], base="http://hl7.org/fhir/StructureDefinition/Extension", kind="complex-type",
        context=[{"type": "element", "expression": context}])

def constraint(key, human, expr, severity="error"):
    return {"key": key, "severity": severity, "human": human, "expression": expr,
            "source": f"{BASE}/StructureDefinition"}

cs_sex = codesystem("gbt-2261-1-sex", "GB/T 2261.1 人的性别代码", "GB/T 2261.1 sex codes", SEX)
cs_eth = codesystem("gbt-3304-ethnicity", "GB/T 3304 中国各民族名称的罗马字母拼写法和代码", "GB/T 3304 ethnic groups", ETHNIC_CODES)
cs_div = codesystem("gbt-2260-division", "GB/T 2260 行政区划代码（省级）", "GB/T 2260 administrative divisions (province level)", PROVINCES, content="fragment")
# the vital-sign value set lists LOINC codes: LOINC itself is not available offline
vs_vit = meta("ValueSet", "vital-signs", "生命体征观察项目", "Vital sign observation codes")
vs_vit["compose"] = {"include": [{"system": "http://loinc.org", "concept": [{"code": c, "display": en} for c, zh, en, _ in VITALS]}]}
strip_ext(vs_vit)
for r in [cs_sex, cs_eth, cs_div]:
    write("package", f"CodeSystem-{r['id']}.json", r)
for r in [valueset("gbt-2261-1-sex", "性别代码值集", "Sex codes", cs_sex["url"]),
          valueset("gbt-3304-ethnicity", "民族代码值集", "Ethnic group codes", cs_eth["url"]),
          valueset("gbt-2260-division", "行政区划代码值集（省级）", "Province codes", cs_div["url"]), vs_vit]:
    write("package", f"ValueSet-{r['id']}.json", r)

ext_sex = extension("sex-gbt2261", "性别代码（GB/T 2261.1）", "Sex (GB/T 2261.1)", "Coding", f"{BASE}/ValueSet/gbt-2261-1-sex", "Patient")
ext_eth = extension("ethnicity", "民族（GB/T 3304）", "Ethnic group (GB/T 3304)", "Coding", f"{BASE}/ValueSet/gbt-3304-ethnicity", "Patient")
ext_div = extension("administrative-division", "行政区划代码（GB/T 2260）", "Administrative division (GB/T 2260)", "code",
                    None, "Address")
ext_div["differential"]["element"][-1].pop("binding")
for r in [ext_sex, ext_eth, ext_div]:
    write("package", f"StructureDefinition-{r['id']}.json", r)

SEXMAP = "(extension('%s').exists() implies (extension('%s').value.code = '1' implies gender = 'male') and (extension('%s').value.code = '2' implies gender = 'female') and (extension('%s').value.code = '0' implies gender = 'unknown'))"
sexurl = ext_sex["url"]
patient = sd("hmbd-patient", "患者（国家核心示例）", "Patient (national core sample)", "Patient", [
    el("Patient", constraint=[
        constraint("hmbd-pat-1", "至少有一个居民身份证号码标识 / At least one resident identity number",
                   f"identifier.where(system = '{RESIDENT_ID}').exists()"),
        constraint("hmbd-pat-2", "GB/T 2261.1 性别与 FHIR gender 一致 / GB/T 2261.1 sex agrees with gender",
                   SEXMAP % (sexurl, sexurl, sexurl, sexurl))]),
    el("Patient.extension", id="Patient.extension:sex", sliceName="sex", min=0, max="1",
       type=[{"code": "Extension", "profile": [sexurl]}]),
    el("Patient.extension", id="Patient.extension:ethnicity", sliceName="ethnicity", min=0, max="1",
       type=[{"code": "Extension", "profile": [ext_eth["url"]]}]),
    el("Patient.identifier", min=1, mustSupport=True),
    el("Patient.identifier.system", min=1),
    el("Patient.identifier.value", min=1),
    el("Patient.name", min=1, mustSupport=True),
    el("Patient.telecom", mustSupport=True),
    el("Patient.gender", min=1, mustSupport=True),
    el("Patient.birthDate", min=1, mustSupport=True),
    el("Patient.address", mustSupport=True),
])
patient["differential"]["element"].insert(1, el("Patient.extension", slicing={"discriminator": [{"type": "value", "path": "url"}], "rules": "open"}))
organization = sd("hmbd-organization", "医疗卫生机构（国家核心示例）", "Organization (national core sample)", "Organization", [
    el("Organization", constraint=[constraint("hmbd-org-1", "须有统一社会信用代码 / A unified social credit code is required",
                                              f"identifier.where(system = '{USCC}').exists()")]),
    el("Organization.identifier", min=1, mustSupport=True),
    el("Organization.name", min=1, mustSupport=True),
    el("Organization.address", mustSupport=True),
])
encounter = sd("hmbd-encounter", "就诊（国家核心示例）", "Encounter (national core sample)", "Encounter", [
    el("Encounter.subject", min=1, type=[{"code": "Reference", "targetProfile": [patient["url"]]}], mustSupport=True),
    el("Encounter.period", min=1, mustSupport=True),
    el("Encounter.period.start", min=1),
    el("Encounter.serviceProvider", mustSupport=True),
])
condition = sd("hmbd-condition", "诊断（国家核心示例）", "Condition (national core sample)", "Condition", [
    el("Condition.code", min=1, mustSupport=True),
    el("Condition.subject", min=1, mustSupport=True),
    el("Condition.recordedDate", min=1, mustSupport=True),
])
observation = sd("hmbd-vital-signs", "生命体征（国家核心示例）", "Vital signs (national core sample)", "Observation", [
    el("Observation.status", mustSupport=True),
    el("Observation.code", min=1, binding={"strength": "required", "valueSet": vs_vit["url"]}, mustSupport=True),
    el("Observation.subject", min=1, mustSupport=True),
    el("Observation.effective[x]", min=1, type=[{"code": "dateTime"}], mustSupport=True),
    el("Observation.value[x]", type=[{"code": "Quantity"}], mustSupport=True),
    el("Observation.value[x].system", fixedUri="http://unitsofmeasure.org"),
])
for r in [patient, organization, encounter, condition, observation]:
    write("package", f"StructureDefinition-{r['id']}.json", r)

write("package", "package.json", {
    "name": "hmbd.core.sample", "version": VERSION, "fhirVersions": ["4.0.1"], "type": "fhir.ig",
    "canonical": BASE, "title": "国家核心数据示例包 / National core sample package",
    "description": NOTE, "license": "CC0-1.0", "author": "hmbd-registry",
    "dependencies": {"hl7.fhir.r4.core": "4.0.1"}})

manifest = {
    "schemaVersion": 1,
    "id": "hmbd-core-sample",
    "version": VERSION,
    "title": {"zh": "国家核心数据示例标准", "en": "National core data sample standard"},
    "notice": NOTE,
    "standardCode": "WS/T 9001-2026",
    "fhirVersion": "4.0.1",
    "validFrom": "2026-01-01",
    "validTo": None,
    "packages": [{"name": "hmbd.core.sample", "version": VERSION, "path": "package"}],
    "profiles": {"Patient": patient["url"], "Organization": organization["url"], "Encounter": encounter["url"],
                 "Condition": condition["url"], "Observation": observation["url"]},
    "dimensionWeights": {"STRUCTURE": 30, "TERMINOLOGY": 20, "COMPLETENESS": 20, "PLAUSIBILITY": 15,
                         "UNIQUENESS_CONSISTENCY": 15},
    "levels": [
        {"code": "L1", "title": {"zh": "一级", "en": "Level 1"}, "minScore": 60, "requiresMandatory": False},
        {"code": "L2", "title": {"zh": "二级", "en": "Level 2"}, "minScore": 75, "requiresMandatory": True},
        {"code": "L3", "title": {"zh": "三级", "en": "Level 3"}, "minScore": 90, "requiresMandatory": True}],
    "rules": [
        {"id": "HMBD-ID-RESIDENT", "type": "identifier-check-character", "algorithm": "GB11643",
         "system": RESIDENT_ID, "dimension": "PLAUSIBILITY", "mandatory": True,
         "title": {"zh": "居民身份证号码校验码", "en": "Resident identity number check character"}},
        {"id": "HMBD-ID-USCC", "type": "identifier-check-character", "algorithm": "GB32100",
         "system": USCC, "dimension": "PLAUSIBILITY", "mandatory": True,
         "title": {"zh": "统一社会信用代码校验码", "en": "Unified social credit code check character"}},
        {"id": "HMBD-DIV-CODE", "type": "division-code", "extension": ext_div["url"], "dimension": "TERMINOLOGY",
         "title": {"zh": "行政区划代码", "en": "Administrative division code"}},
        {"id": "HMBD-PAT-UNIQUE", "type": "patient-identity", "system": RESIDENT_ID,
         "dimension": "UNIQUENESS_CONSISTENCY", "mandatory": True,
         "title": {"zh": "一人一号：同一身份证号的性别和出生日期一致",
                   "en": "One identifier per person: same sex and birth date for the same identifier"}},
        {"id": "HMBD-DATE-FUTURE", "type": "date-not-future", "dimension": "PLAUSIBILITY",
         "title": {"zh": "日期不晚于当前", "en": "Dates are not in the future"}},
        {"id": "HMBD-BIRTH-ORDER", "type": "birth-before-events", "dimension": "PLAUSIBILITY",
         "title": {"zh": "出生早于就诊和观察", "en": "Birth precedes encounters and observations"}},
        {"id": "HMBD-SEX-SPECIFIC", "type": "sex-specific-condition", "dimension": "PLAUSIBILITY",
         "female": ["O", "N70", "N71", "N72", "N73", "N74", "N75", "N76", "N77", "N80", "N81", "N83", "N85", "C53", "C54", "C56"],
         "male": ["N40", "N41", "N42", "N43", "N44", "N45", "N46", "N47", "N48", "N49", "N50", "C61", "C62"],
         "title": {"zh": "性别特异性诊断", "en": "Sex-specific diagnoses"}},
        {"id": "HMBD-COMPLETENESS", "type": "completeness", "dimension": "COMPLETENESS",
         "title": {"zh": "必须支持元素的填充率", "en": "Fill rate of must-support elements"}}],
    "suppressions": [{"checkId": "FHIR-INV-dom-6", "reason": {"zh": "叙述文本不是本标准的要求", "en": "Narrative is not required by this standard"}}],
}
write(".", "manifest.json", manifest)
print("written", OUT)

# ---------------------------------------------------------------------------------------------
PATIENT_URL = patient["url"]
# examples: valid and invalid data for the sample standard (synthetic people, not real persons)
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def resident_id(region, birth, seq):
    first = f"{region}{birth.replace('-', '')}{seq:03d}"
    return first + "10X98765432"[sum(int(c) * w for c, w in zip(first, W)) % 11]
ALPHA = "0123456789ABCDEFGHJKLMNPQRTUWXY"
UW = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
def uscc(first17):
    c = 31 - sum(ALPHA.index(ch) * w for ch, w in zip(first17, UW)) % 31
    return first17 + ALPHA[0 if c == 31 else c]

def make_patient(pid, name, gender, birth, region="350102", seq=None, sex_code=None, ident=None, **extra):
    seq = seq if seq is not None else (123 if gender == "male" else 124)
    p = {"resourceType": "Patient", "id": pid,
         "meta": {"profile": [PATIENT_URL]},
         "extension": [
             {"url": ext_sex["url"], "valueCoding": {"system": cs_sex["url"], "code": sex_code or {"male": "1", "female": "2"}[gender]}},
             {"url": ext_eth["url"], "valueCoding": {"system": cs_eth["url"], "code": "01"}}],
         "identifier": [{"system": RESIDENT_ID, "value": ident or resident_id(region, birth, seq)}],
         "name": [{"text": name, "family": name[0], "given": [name[1:]]}],
         "telecom": [{"system": "phone", "value": "13800000000"}],
         "gender": gender, "birthDate": birth,
         "address": [{"extension": [{"url": ext_div["url"], "valueCode": region}], "text": "福建省福州市鼓楼区示例路 1 号",
                      "city": "福州市", "state": "福建省"}]}
    p.update(extra)
    return p

ORG_USCC = uscc("12350000488099456")
org = {"resourceType": "Organization", "id": "org-1", "meta": {"profile": [organization["url"]]},
       "identifier": [{"system": USCC, "value": ORG_USCC}], "name": "福州市示例人民医院",
       "address": [{"text": "福建省福州市鼓楼区示例路 2 号"}]}
zhang = make_patient("pat-zhang", "张伟", "male", "1985-03-12")
li = make_patient("pat-li", "李娜", "female", "1990-07-01", region="320102")
enc = {"resourceType": "Encounter", "id": "enc-1", "meta": {"profile": [encounter["url"]]}, "status": "finished",
       "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB", "display": "ambulatory"},
       "subject": {"reference": "Patient/pat-zhang"}, "period": {"start": "2026-10-08T09:30:00+08:00", "end": "2026-10-08T10:00:00+08:00"},
       "serviceProvider": {"reference": "Organization/org-1"}}
cond = {"resourceType": "Condition", "id": "cond-1", "meta": {"profile": [condition["url"]]},
        "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
        "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "J20.9", "display": "急性支气管炎"}]},
        "subject": {"reference": "Patient/pat-zhang"}, "recordedDate": "2026-10-08"}
obs = {"resourceType": "Observation", "id": "obs-hr-1", "meta": {"profile": [observation["url"]]}, "status": "final",
       "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs"}]}],
       "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4", "display": "Heart rate"}]},
       "subject": {"reference": "Patient/pat-zhang"}, "effectiveDateTime": "2026-10-08T09:40:00+08:00",
       "valueQuantity": {"value": 72, "unit": "/min", "system": "http://unitsofmeasure.org", "code": "/min"}}
for name, r in [("patient-zhang.json", zhang), ("patient-li.json", li), ("organization.json", org),
                ("encounter.json", enc), ("condition.json", cond), ("observation-heart-rate.json", obs)]:
    write("examples/valid", name, r)

def entry(r):
    return {"fullUrl": f"urn:uuid:{r['resourceType'].lower()}-{r['id']}", "resource": r,
            "request": {"method": "POST", "url": r["resourceType"]}}
write("examples/valid", "bundle-visit.json", {"resourceType": "Bundle", "id": "visit-1", "type": "transaction",
                                                "entry": [entry(r) for r in [zhang, org, enc, cond, obs]]})
with open(os.path.join(OUT, "examples/valid", "patients.ndjson"), "w", encoding="utf-8") as f:
    for i, (nm, g, b) in enumerate([("王芳", "female", "1978-11-23"), ("刘洋", "male", "2001-02-14"),
                                    ("陈静", "female", "1995-05-30"), ("杨帆", "male", "1969-09-09")]):
        f.write(json.dumps(make_patient(f"pat-n{i}", nm, g, b, seq=201 + i * 2 + (0 if g == "male" else 1)),
                           ensure_ascii=False) + "\n")

bad_check = make_patient("pat-bad-check", "赵强", "male", "1980-01-01", ident=resident_id("350102", "1980-01-01", 123)[:17] + ("0" if resident_id("350102", "1980-01-01", 123)[17] != "0" else "1"))
no_birth = make_patient("pat-no-birth", "孙丽", "female", "1982-04-04")
del no_birth["birthDate"]
sex_mismatch = make_patient("pat-sex-mismatch", "周杰", "male", "1975-06-06", sex_code="2")
future = make_patient("pat-future", "吴新", "female", "2099-01-01")
bad_unit = dict(obs, id="obs-bad-unit", valueQuantity={"value": 72, "unit": "beats", "system": "http://unitsofmeasure.org", "code": "beats"})
bad_org = dict(org, id="org-bad", identifier=[{"system": USCC, "value": ORG_USCC[:17] + ("0" if ORG_USCC[17] != "0" else "1")}])
for name, r in [("patient-wrong-check-character.json", bad_check), ("patient-missing-birth-date.json", no_birth),
                ("patient-sex-mismatch.json", sex_mismatch), ("patient-born-in-future.json", future),
                ("observation-invalid-unit.json", bad_unit), ("organization-wrong-credit-code.json", bad_org)]:
    write("examples/invalid", name, r)
early = dict(enc, id="enc-early", period={"start": "1970-01-01T08:00:00+08:00"})
male_preg = dict(cond, id="cond-o80", code={"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "O80", "display": "单胎顺产"}]})
write("examples/invalid", "bundle-implausible.json", {"resourceType": "Bundle", "id": "implausible", "type": "collection",
                                                      "entry": [{"fullUrl": "urn:uuid:p1", "resource": zhang},
                                                                {"fullUrl": "urn:uuid:e1", "resource": early},
                                                                {"fullUrl": "urn:uuid:c1", "resource": male_preg}]})
twin = make_patient("pat-zhang-2", "张伟", "male", "1985-03-13", ident=zhang["identifier"][0]["value"])
with open(os.path.join(OUT, "examples/invalid", "identity-conflict.ndjson"), "w", encoding="utf-8") as f:
    f.write(json.dumps(zhang, ensure_ascii=False) + "\n")
    f.write(json.dumps(twin, ensure_ascii=False) + "\n")
print("examples written")
