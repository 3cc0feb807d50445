import type { Catalogue } from '../src/catalogue.js';

/**
 * A small adult social care catalogue for the finder's tests and stories: entries with and
 * without inline answers, with and without Welsh, and a contact route.
 */
export const fixtureCatalogue: Catalogue = {
  version: 1,
  name: 'Test council adult social care',
  contact: {
    label: 'Contact adult social care',
    phone: '0300 123 4567',
    hours: 'Monday to Friday, 8:30am to 5pm',
    url: 'https://council.example/contact-adult-social-care',
    cy: { label: 'Cysylltu â gofal cymdeithasol oedolion', hours: "dydd Llun i ddydd Gwener, 8:30am i 5pm", url: 'https://council.example/cy/cysylltu' },
  },
  synonyms: [
    ['meals on wheels', 'meal delivery'],
    ['mum', 'mother', 'parent'],
  ],
  entries: [
    {
      id: 'help-at-home',
      title: 'Help at home (home care)',
      summary: 'Carers who visit to help with washing, dressing and meals.',
      needs: ['help getting washed and dressed', 'help for mum at home', 'carer to visit'],
      keywords: ['home care', 'domiciliary care', 'washing'],
      url: 'https://council.example/help-at-home',
      phone: '0300 123 4567',
      hours: 'Monday to Friday, 8:30am to 5pm',
      cost: 'Depends on your income',
      eligibility: 'Adults who need help to stay at home',
      cy: {
        title: 'Help yn y cartref (gofal cartref)',
        summary: "Gofalwyr sy'n ymweld i helpu gydag ymolchi, gwisgo a phrydau bwyd.",
        needs: ['help i ymolchi a gwisgo'],
        url: 'https://council.example/cy/help-yn-y-cartref',
      },
    },
    {
      id: 'meals-at-home',
      title: 'Meals at home',
      summary: 'Hot or frozen meals delivered to your door.',
      needs: ['meals on wheels', 'someone to bring food'],
      keywords: ['food', 'dinner'],
      answer:
        'We can arrange hot or frozen meals delivered to your home if you find it hard to cook.\n\nA hot meal costs £5.20. Call us to set it up, or ask your social worker.',
      phone: '0300 123 4000',
      hours: 'Every day, 11am to 1pm deliveries',
      cost: '£5.20 a meal',
      eligibility: 'Adults who cannot cook for themselves',
      cy: {
        title: 'Prydau bwyd gartref',
        summary: "Prydau poeth neu wedi'u rhewi wedi'u danfon at eich drws.",
        answer: "Gallwn drefnu prydau poeth neu wedi'u rhewi i'ch cartref os yw'n anodd i chi goginio.\n\nMae pryd poeth yn costio £5.20.",
        cost: '£5.20 y pryd',
      },
    },
    {
      id: 'blue-badge',
      title: 'Blue Badge',
      summary: 'A parking permit for people with mobility problems.',
      needs: ['disabled parking', 'parking near the shops'],
      keywords: ['parking permit', 'disabled badge'],
      url: 'https://council.example/blue-badge',
      cost: '£10',
      cy: { title: 'Bathodyn Glas', summary: 'Trwydded barcio i bobl â phroblemau symud.' },
    },
    {
      id: 'falls',
      title: 'Falls prevention and alarms',
      summary: 'Help if you or someone you care for keeps falling.',
      needs: ['my dad keeps falling', 'fall at home'],
      keywords: ['falls', 'personal alarm', 'pendant alarm'],
      answer: 'If someone has fallen and is hurt, call 999.\n\nA personal alarm lets someone call for help if they fall. We can also check the home for trip hazards.',
      phone: '0300 123 4999',
      cost: 'Alarms from £4 a week',
    },
    {
      id: 'carers-break',
      title: "Carers' breaks (respite)",
      summary: 'Time off for unpaid carers while someone else looks after the person.',
      needs: ["carer's break", 'i need a rest from caring', 'respite'],
      keywords: ['respite care', 'short break'],
      url: 'https://council.example/carers-breaks',
      eligibility: 'Unpaid carers',
    },
    {
      id: 'care-homes',
      title: 'Care homes',
      summary: 'Choosing and paying for a care home.',
      needs: ['moving into a care home', 'nursing home'],
      keywords: ['residential care', 'nursing'],
      url: 'https://council.example/care-homes',
    },
    {
      id: 'equipment',
      title: 'Equipment and adaptations',
      summary: 'Grab rails, stair lifts and other equipment to make home safer.',
      needs: ['grab rail', 'stair lift', 'help getting in the bath'],
      keywords: ['adaptations', 'rails', 'walking frame'],
      url: 'https://council.example/equipment',
    },
  ],
};

/** The fixture as a JSON string, for serving or for data: URLs. */
export const fixtureCatalogueJson = JSON.stringify(fixtureCatalogue);
