/**
 * The reference corpus' vocabulary (scripts/bench/reference-corpus.ts): a small,
 * synthetic set of words per language on South-South cooperation in agriculture.
 * Texts built from it have the length and script of real content, not its meaning,
 * so search-index sizes measured on it are indicative only. Changing a list changes
 * the corpus (and its cache key).
 */
import { defaultLocale, type LocaleCode } from '@ssc/content-schemas';

const words = (text: string): readonly string[] => text.trim().split(/\s+/);

/**
 * Words of the space-separated languages; Chinese (no spaces) is a list of two-character words.
 * A locale without a list here (one new to the model) writes with the default locale's words.
 */
export const VOCABULARY: Readonly<Partial<Record<LocaleCode, readonly string[]>>> = {
  en: words(`
    cooperation exchange south partners countries farmers growers herders fishers villages districts provinces
    harvest grain rice maize cassava beans millet sorghum tea coffee cocoa vegetables fruit seedlings orchards
    cattle goats poultry ponds aquaculture irrigation canals wells pumps terraces soils compost manure
    storage silos drying milling packaging transport roads markets traders buyers prices contracts exports
    loans credit savings insurance payments cooperatives associations unions women young people households
    schools nutrition meals health water sanitation drought floods storms cyclones warnings forecasts
    recovery reconstruction resilience adaptation forests mangroves watersheds rangelands emissions energy solar
    training advisers extension pilots trials demonstration fields knowledge lessons evidence surveys data
    ministry agency institute university network platform programme project plan strategy budget results
    the a of and in on for with to from by across through after before during between within among
    improves supports expands reduces links helps builds shares tests adopts brings protects strengthens
    new local national regional rural small large better safer greener fairer stronger shared early joint`),
  es: words(`
    cooperación intercambio sur socios países agricultores productores pastores pescadores aldeas distritos provincias
    cosecha grano arroz maíz yuca frijoles mijo sorgo té café cacao hortalizas frutas plántulas huertos
    ganado cabras aves estanques acuicultura riego canales pozos bombas terrazas suelos compost estiércol
    almacenamiento silos secado molienda envasado transporte caminos mercados comerciantes compradores precios contratos
    préstamos crédito ahorro seguros pagos cooperativas asociaciones mujeres jóvenes hogares escuelas nutrición
    comidas salud agua saneamiento sequía inundaciones tormentas ciclones alertas pronósticos recuperación
    resiliencia adaptación bosques manglares cuencas pastizales emisiones energía capacitación asesores extensión
    ensayos demostración conocimiento lecciones evidencia encuestas datos ministerio agencia instituto universidad
    red plataforma programa proyecto plan estrategia presupuesto resultados
    el la los las de del y en con para por desde entre hacia sobre tras durante según
    mejora apoya amplía reduce conecta ayuda construye comparte prueba adopta protege fortalece
    nuevo local nacional regional rural pequeño grande mejor seguro sostenible conjunto temprano`),
  fr: words(`
    coopération échange sud partenaires pays agriculteurs producteurs éleveurs pêcheurs villages districts provinces
    récolte grain riz maïs manioc haricots mil sorgho thé café cacao légumes fruits plants vergers
    bétail chèvres volailles étangs aquaculture irrigation canaux puits pompes terrasses sols compost fumier
    stockage silos séchage mouture emballage transport routes marchés commerçants acheteurs prix contrats
    prêts crédit épargne assurance paiements coopératives associations femmes jeunes ménages écoles nutrition
    repas santé eau assainissement sécheresse inondations tempêtes cyclones alertes prévisions relèvement
    résilience adaptation forêts mangroves bassins parcours émissions énergie formation conseillers vulgarisation
    essais démonstration connaissances leçons preuves enquêtes données ministère agence institut université
    réseau plateforme programme projet plan stratégie budget résultats
    le la les des du et dans avec pour par depuis entre vers sur après pendant selon
    améliore soutient élargit réduit relie aide construit partage teste adopte protège renforce
    nouveau local national régional rural petit grand meilleur sûr durable commun précoce`),
  ar: words(`
    التعاون التبادل الجنوب الشركاء البلدان المزارعون المنتجون الرعاة الصيادون القرى المناطق المحافظات
    الحصاد الحبوب الأرز الذرة الكسافا الفاصوليا الدخن الشاي البن الكاكاو الخضروات الفواكه الشتلات البساتين
    الماشية الماعز الدواجن الأحواض الاستزراع الري القنوات الآبار المضخات المدرجات التربة السماد
    التخزين الصوامع التجفيف الطحن التعبئة النقل الطرق الأسواق التجار المشترون الأسعار العقود الصادرات
    القروض الائتمان الادخار التأمين المدفوعات التعاونيات الجمعيات النساء الشباب الأسر المدارس التغذية
    الوجبات الصحة المياه الجفاف الفيضانات العواصف الأعاصير الإنذار التنبؤات التعافي الصمود التكيف
    الغابات المنغروف المراعي الانبعاثات الطاقة التدريب المرشدون الإرشاد التجارب المعرفة الدروس الأدلة
    المسوح البيانات الوزارة الوكالة المعهد الجامعة الشبكة المنصة البرنامج المشروع الخطة الاستراتيجية الميزانية النتائج
    في من إلى على مع عبر بين بعد قبل خلال حول لدى عند
    يحسن يدعم يوسع يقلل يربط يساعد يبني يتقاسم يختبر يعتمد يحمي يعزز
    جديد محلي وطني إقليمي ريفي صغير كبير أفضل آمن مستدام مشترك مبكر`),
  zh: words(`
    合作 交流 南南 伙伴 国家 农民 牧民 渔民 村庄 地区 省份 县城
    收获 粮食 水稻 玉米 木薯 豆类 小米 高粱 茶叶 咖啡 可可 蔬菜 水果 秧苗 果园
    牲畜 山羊 家禽 池塘 养殖 灌溉 水渠 水井 水泵 梯田 土壤 堆肥 粪肥
    储存 粮仓 烘干 碾磨 包装 运输 道路 市场 商贩 买家 价格 合同 出口
    贷款 信贷 储蓄 保险 支付 合作社 协会 妇女 青年 家庭 学校 营养
    餐食 健康 用水 卫生 干旱 洪水 风暴 台风 预警 预报 恢复 重建 韧性 适应
    森林 红树林 流域 草原 排放 能源 太阳能 培训 顾问 推广 试点 示范 知识 经验 证据 调查 数据
    部门 机构 研究所 大学 网络 平台 方案 项目 计划 战略 预算 成果
    我们 他们 通过 以及 为了 关于 之后 期间 之间 其中 共同 已经
    提高 支持 扩大 减少 连接 帮助 建设 分享 测试 采用 保护 加强
    新的 当地 全国 区域 农村 小型 大型 更好 安全 绿色 公平 早期`),
};

/** The words a locale's texts are made of. */
export const vocabularyOf = (locale: LocaleCode): readonly string[] => VOCABULARY[locale] ?? VOCABULARY[defaultLocale] ?? [];
