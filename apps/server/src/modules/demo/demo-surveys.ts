/**
 * Demo surveys of "Orchid Lane", a fictional online + in-store retailer in Hong Kong, Taiwan,
 * Singapore, Malaysia and mainland China. Every text exists in English, Traditional and
 * Simplified Chinese so that the respondent page can be tried in all three UI languages.
 * The brand name stays in English in every language, as many APAC retailers do.
 */
import type { ChoiceOption, LocalizedText, SurveyInput } from '@touchpoint/shared';

const LANGUAGES = ['en', 'zh-Hant', 'zh-Hans'];

/** Text in en, zh-Hant, zh-Hans (in that order). */
function t(en: string, zhHant: string, zhHans: string): LocalizedText {
  return { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };
}

function option(id: string, en: string, zhHant: string, zhHans: string): ChoiceOption {
  return { id, label: t(en, zhHant, zhHans) };
}

const THANK_YOU = t(
  'Thank you! Your feedback goes straight to the Orchid Lane team.',
  '謝謝您！您的意見會直接送到 Orchid Lane 團隊。',
  '谢谢您！您的意见会直接送到 Orchid Lane 团队。',
);

const postPurchaseNps: SurveyInput = {
  name: 'Post-purchase NPS',
  definition: {
    languages: LANGUAGES,
    defaultLanguage: 'en',
    intro: t(
      'Thanks for shopping with us. Two minutes, three questions.',
      '感謝您的購買。只需兩分鐘，回答三個問題。',
      '感谢您的购买。只需两分钟，回答三个问题。',
    ),
    thankYou: THANK_YOU,
    questions: [
      {
        id: 'nps',
        type: 'nps',
        required: true,
        title: t(
          'How likely are you to recommend Orchid Lane to a friend or colleague?',
          '您有多大可能向朋友或同事推薦 Orchid Lane？',
          '您有多大可能向朋友或同事推荐 Orchid Lane？',
        ),
        description: t('0 = not at all likely, 10 = extremely likely', '0 = 完全不可能，10 = 非常可能', '0 = 完全不可能，10 = 非常可能'),
      },
      {
        id: 'what_went_wrong',
        type: 'open_text',
        required: false,
        showIf: { questionId: 'nps', min: 0, max: 6 },
        title: t("We're sorry. What went wrong?", '很抱歉。哪裡出了問題？', '很抱歉。哪里出了问题？'),
      },
      {
        id: 'what_to_improve',
        type: 'open_text',
        required: false,
        showIf: { questionId: 'nps', min: 7, max: 8 },
        title: t(
          'What is the one thing we could do better?',
          '有哪一件事我們可以做得更好？',
          '有哪一件事我们可以做得更好？',
        ),
      },
      {
        id: 'what_you_loved',
        type: 'open_text',
        required: false,
        showIf: { questionId: 'nps', min: 9, max: 10 },
        title: t('Great to hear! What did you love?', '太好了！您最喜歡哪一點？', '太好了！您最喜欢哪一点？'),
      },
      {
        id: 'order_channel',
        type: 'single_choice',
        required: false,
        title: t('How did you place your order?', '您是透過什麼方式下單的？', '您是通过什么方式下单的？'),
        options: [
          option('app', 'Orchid Lane app', 'Orchid Lane App', 'Orchid Lane App'),
          option('website', 'Website', '網站', '网站'),
          option('store', 'In store', '門市', '门店'),
          option('chat', 'WhatsApp, LINE or WeChat', 'WhatsApp、LINE 或微信', 'WhatsApp、LINE 或微信'),
        ],
      },
      {
        id: 'category',
        type: 'single_choice',
        required: false,
        title: t('What did you buy?', '您買了什麼？', '您买了什么？'),
        options: [
          option('fashion', 'Fashion & shoes', '服飾與鞋類', '服饰与鞋类'),
          option('beauty', 'Beauty & personal care', '美妝與個人護理', '美妆与个人护理'),
          option('electronics', 'Electronics', '電子產品', '电子产品'),
          option('home', 'Home & kitchen', '居家與廚房', '家居与厨房'),
          option('grocery', 'Groceries & fresh food', '食品與生鮮', '食品与生鲜'),
        ],
      },
    ],
  },
};

const supportCsat: SurveyInput = {
  name: 'Support CSAT',
  definition: {
    languages: LANGUAGES,
    defaultLanguage: 'en',
    thankYou: THANK_YOU,
    questions: [
      {
        id: 'csat',
        type: 'csat',
        required: true,
        title: t(
          'How satisfied are you with the help you received?',
          '您對這次獲得的協助滿意嗎？',
          '您对这次获得的帮助满意吗？',
        ),
        description: t('1 = very dissatisfied, 5 = very satisfied', '1 = 非常不滿意，5 = 非常滿意', '1 = 非常不满意，5 = 非常满意'),
      },
      {
        id: 'ces',
        type: 'ces',
        required: false,
        title: t(
          'How easy was it to get your issue resolved?',
          '解決您的問題有多容易？',
          '解决您的问题有多容易？',
        ),
        description: t('1 = very difficult, 7 = very easy', '1 = 非常困難，7 = 非常容易', '1 = 非常困难，7 = 非常容易'),
      },
      {
        id: 'tell_us_more',
        type: 'open_text',
        required: false,
        title: t('Tell us more', '請告訴我們更多', '请告诉我们更多'),
      },
      {
        id: 'contact_channels',
        type: 'multiple_choice',
        required: false,
        title: t(
          'Which channel did you contact us through?',
          '您是透過哪些管道聯絡我們的？',
          '您是通过哪些渠道联系我们的？',
        ),
        options: [
          option('live_chat', 'Live chat', '線上客服', '在线客服'),
          option('email', 'Email', '電子郵件', '电子邮件'),
          option('phone', 'Phone', '電話', '电话'),
          option('messaging', 'WhatsApp, LINE or WeChat', 'WhatsApp、LINE 或微信', 'WhatsApp、LINE 或微信'),
          option('store', 'In store', '門市', '门店'),
          option('social', 'Facebook or Instagram', 'Facebook 或 Instagram', 'Facebook 或 Instagram'),
        ],
      },
      {
        id: 'issue_type',
        type: 'single_choice',
        required: false,
        title: t('What was your request about?', '您這次詢問的是什麼問題？', '您这次咨询的是什么问题？'),
        options: [
          option('order_status', 'Where is my order', '訂單進度', '订单进度'),
          option('return_refund', 'Return or refund', '退貨或退款', '退货或退款'),
          option('payment', 'Payment or promo code', '付款或折扣碼', '付款或优惠券'),
          option('product', 'Product question', '商品問題', '商品问题'),
          option('account', 'Account or membership', '帳號或會員', '账号或会员'),
        ],
      },
    ],
  },
};

const appExperience: SurveyInput = {
  name: 'App experience',
  definition: {
    languages: LANGUAGES,
    defaultLanguage: 'en',
    thankYou: THANK_YOU,
    questions: [
      {
        id: 'app_rating',
        type: 'rating',
        required: true,
        scale: { min: 1, max: 5 },
        title: t(
          'Overall, how would you rate the Orchid Lane app?',
          '整體而言，您會給 Orchid Lane App 打幾分？',
          '总体而言，您会给 Orchid Lane App 打几分？',
        ),
      },
      {
        id: 'features_used',
        type: 'multiple_choice',
        required: false,
        title: t(
          'Which features have you used in the last month?',
          '過去一個月您用過哪些功能？',
          '过去一个月您用过哪些功能？',
        ),
        options: [
          option('search', 'Search', '搜尋', '搜索'),
          option('wishlist', 'Wishlist', '收藏清單', '收藏夹'),
          option('order_tracking', 'Order tracking', '訂單追蹤', '订单跟踪'),
          option('rewards', 'Rewards & coupons', '會員點數與優惠券', '会员积分与优惠券'),
          option('scan_to_pay', 'Scan to pay in store', '門市掃碼付款', '门店扫码付款'),
          option('live_chat', 'Live chat', '線上客服', '在线客服'),
        ],
      },
      {
        id: 'usage_frequency',
        type: 'single_choice',
        required: false,
        title: t('How often do you shop in the app?', '您多久在 App 上購物一次？', '您多久在 App 上购物一次？'),
        options: [
          option('weekly', 'Every week', '每週', '每周'),
          option('monthly', 'A few times a month', '每月幾次', '每月几次'),
          option('rarely', 'Less than once a month', '每月不到一次', '每月不到一次'),
        ],
      },
      {
        id: 'nps',
        type: 'nps',
        required: true,
        title: t(
          'How likely are you to recommend the app to a friend?',
          '您有多大可能向朋友推薦這個 App？',
          '您有多大可能向朋友推荐这个 App？',
        ),
      },
      {
        id: 'app_feedback',
        type: 'open_text',
        required: false,
        title: t(
          'What should we improve, or keep doing?',
          '有什麼需要改進，或希望我們繼續保持的？',
          '有什么需要改进，或希望我们继续保持的？',
        ),
      },
    ],
  },
};

export const DEMO_SURVEYS: SurveyInput[] = [postPurchaseNps, supportCsat, appExperience];
