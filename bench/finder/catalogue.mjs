// A realistic 5,000-service directory, the same every run (seeded): the kinds of service a
// county's adult social care and community directory lists, in many towns, run by many
// providers, each described in the plain words such directories use.

/** Mulberry32: small, fast, and the same sequence for the same seed. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = [
  ['Home care', 'Carers visit your home to help with washing, dressing, meals and medicines.', ['help getting washed and dressed', 'someone to help mum at home', 'carers coming in'], ['domiciliary', 'personal care']],
  ['Meals on wheels', 'Hot or frozen meals delivered to your door.', ['hot meals delivered', 'cannot cook any more', 'food brought to the house'], ['meal delivery', 'lunch']],
  ['Befriending', 'A volunteer visits or phones each week for a chat.', ['lonely and want company', 'someone to talk to', 'no visitors'], ['loneliness', 'friendship']],
  ['Lunch club', 'A cooked lunch and company for older people once a week.', ['somewhere to eat with others', 'meet people my age'], ['social', 'dining']],
  ['Day centre', 'Activities, meals and care during the day for older or disabled adults.', ['somewhere to go in the day', 'day care for dad'], ['day opportunities']],
  ['Dementia cafe', 'A relaxed cafe for people living with dementia and their carers.', ['mum has dementia', 'memory problems support group'], ['alzheimers', 'memory']],
  ['Memory clinic', 'Assessment and diagnosis for memory problems, with follow-up support.', ['getting forgetful', 'dementia diagnosis'], ['memory assessment']],
  ['Carers support group', 'Meet other unpaid carers, share advice and have a break.', ['looking after my husband', 'support for carers'], ['carer', 'peer support']],
  ['Respite care', 'Short stays or a sitting service so an unpaid carer can take a break.', ['carer needs a break', 'short break from caring'], ['short breaks', 'replacement care']],
  ['Falls prevention class', 'Strength and balance exercise to lower the risk of falls.', ['keep falling over', 'better balance', 'scared of falling'], ['strength and balance']],
  ['Personal alarm', 'A pendant or wristband that calls for help if you fall at home.', ['alarm if mum falls', 'help button to wear'], ['pendant alarm', 'telecare', 'lifeline']],
  ['Equipment loan', 'Borrow equipment such as walking frames, shower seats and commodes.', ['walking frame', 'bath seat', 'toilet frame'], ['daily living aids']],
  ['Wheelchair service', 'Assessment for and loan of wheelchairs and scooters.', ['need a wheelchair', 'mobility scooter'], ['powered chair']],
  ['Home adaptations', 'Grab rails, ramps, stairlifts and level-access showers to make a home safer.', ['stairlift', 'ramp to front door', 'grab rails'], ['adaptation', 'disabled facilities grant']],
  ['Handyperson service', 'Small repairs and safety jobs in the home for older and disabled people.', ['fix a loose carpet', 'put up a rail'], ['odd jobs', 'repairs']],
  ['Blue Badge help', 'Help applying for a Blue Badge for disabled parking.', ['disabled parking badge', 'park near the shops'], ['blue badge', 'parking']],
  ['Benefits advice', 'Free checks that you get all the benefits and allowances you are owed.', ['attendance allowance form', 'help with money'], ['welfare rights', 'pension credit']],
  ['Debt advice', 'Free, confidential advice on debts and bills.', ['cannot pay my bills', 'behind on rent'], ['money advice', 'arrears']],
  ['Care home', 'Residential care with staff on hand day and night.', ['mum cannot live alone', 'moving into a home'], ['residential home']],
  ['Nursing home', 'A care home with nurses for people with medical needs.', ['needs nursing care', 'care home with nurses'], ['nursing care']],
  ['Extra care housing', 'Your own flat with care staff on site.', ['sheltered housing', 'flat with care'], ['assisted living']],
  ['Advocacy', 'An independent advocate helps you have your say in decisions about your care.', ['someone to speak for me', 'help in meetings'], ['care act advocacy']],
  ['Mental health support', 'Talking support and groups for anxiety, low mood and stress.', ['feeling low', 'anxious all the time'], ['wellbeing', 'counselling']],
  ['Crisis line', 'Someone to talk to, day or night, when you cannot cope.', ['I cant cope', 'feel like giving up'], ['crisis', 'helpline']],
  ['Sight loss support', 'Advice, equipment and training for people losing their sight.', ['going blind', 'cannot read letters'], ['visual impairment']],
  ['Deaf and hard of hearing service', 'Equipment, lip-reading classes and BSL help.', ['hearing aid batteries', 'cannot hear the door'], ['hearing loss', 'bsl']],
  ['Learning disability day service', 'Skills, work and leisure for adults with a learning disability.', ['son has a learning disability', 'things to do for my daughter'], ['learning difficulties']],
  ['Supported employment', 'Help for disabled people to find and keep a job.', ['help finding work', 'job coach'], ['employment support']],
  ['Hospital discharge support', 'Short-term help at home after a stay in hospital.', ['coming home from hospital', 'help after an operation'], ['reablement', 'home from hospital']],
  ['Reablement', 'Up to six weeks of free help to regain skills after illness.', ['get back on my feet', 'relearn to cook'], ['intermediate care']],
  ['Occupational therapy', 'An occupational therapist assesses what would make daily tasks easier.', ['struggling on the stairs', 'cannot get in the bath'], ['ot assessment']],
  ['Shopping service', 'Volunteers do your weekly shop or go with you.', ['help with shopping', 'cannot get to the shops'], ['groceries']],
  ['Community transport', 'Door-to-door minibus and car schemes for people who cannot use buses.', ['lift to the hospital', 'cannot use the bus'], ['dial a ride']],
  ['Safeguarding adults', 'Report worries that an adult is being abused or neglected.', ['worried about a neighbour', 'someone is taking her money'], ['abuse', 'neglect']],
  ['Domestic abuse service', 'Confidential help and refuge for people experiencing domestic abuse.', ['partner hurts me', 'need to leave safely'], ['refuge']],
  ['Stroke support', 'Groups and help after a stroke, for survivors and families.', ['dad had a stroke', 'speech after stroke'], ['aphasia']],
  ['Parkinsons group', 'Exercise, advice and friendship for people with Parkinsons.', ['living with parkinsons'], ['movement disorder']],
  ['Bereavement support', 'Someone to talk to after the death of someone close.', ['my wife died', 'grief counselling'], ['loss', 'grief']],
  ['Continence service', 'Assessment and products for bladder and bowel problems.', ['incontinence pads', 'bladder problems'], ['continence']],
  ['Warm home help', 'Grants and advice to heat your home and cut fuel bills.', ['house too cold', 'heating broken'], ['fuel poverty', 'insulation']],
];
const TOWNS = ['Northtown', 'Southbridge', 'Eastham', 'Westmoor', 'Kingsford', 'Ashby Green', 'Millbrook', 'Hartley', 'Oakfield', 'Riverside', 'Stonegate', 'Brambleton', 'Fairhaven', 'Longcross', 'Highcliffe', 'Penrose', 'Thornbury', 'Willowdale', 'Castleford', 'Elmstead', 'Greyfriars', 'Hollybank', 'Marshfield', 'Newlands', 'Queensway'];
const PROVIDERS = ['Age Concern', 'Community Voluntary Service', 'Carers Trust', 'Council', 'Good Neighbours', 'Rotary', 'Red Cross', 'Housing Trust', 'NHS Trust', 'Mind', 'Alzheimers Society', 'Sight Support', 'Hearing Link', 'Independent Living Centre', 'Church Hall Friends'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const COSTS = ['Free', 'Free', 'Free', '£3 a session', '£4.50 a meal', '£18 an hour', 'Depends on a financial assessment', 'Donations welcome'];
const WHO = ['Adults over 65', 'Adults with a disability', 'Unpaid carers', 'Anyone over 18 living in the county', 'People referred by a GP or social worker', undefined, undefined];

export function generateCatalogue(count = 5000, seed = 20240601) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const entries = [];
  for (let i = 0; i < count; i++) {
    const [kind, summary, needs, keywords] = pick(KINDS);
    const town = pick(TOWNS);
    const provider = pick(PROVIDERS);
    const day = pick(DAYS);
    const slug = `${kind}-${town}-${i}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const entry = {
      id: slug,
      title: `${kind}, ${town}`,
      summary: `${summary} Run by ${provider} in ${town}.`,
      needs: needs.filter(() => rand() < 0.8),
      keywords: [...keywords, town.toLowerCase()],
      url: `/services/${slug}`,
      phone: `01632 960${String(Math.floor(rand() * 1000)).padStart(3, '0')}`,
      hours: rand() < 0.5 ? `${day}s, 10am to 2pm` : 'Monday to Friday, 9am to 5pm',
      cost: pick(COSTS),
    };
    const who = pick(WHO);
    if (who) entry.eligibility = who;
    entries.push(entry);
  }
  // Directories export in name order; so does this one (it also lets gzip find the
  // repetition between neighbouring services, as it does on a real export).
  entries.sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1));
  return {
    version: 1,
    name: 'Northshire community directory (generated)',
    contact: { label: 'Adult social care front door', phone: '01632 960 000', hours: 'Monday to Friday 9am to 5pm' },
    entries,
  };
}
