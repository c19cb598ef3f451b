extension Plan2021 {
  // The handlingsplan's rows, in document order; the activity id is the position, from 1.
  static let rows: [Row] = [
    // 1. Förebild och föregångare
    Row(
      direction: 0, what: "Delta i SIS tekniska kommitté ”Hållbara städer och samhällen”",
      how: "Ordförandeskap och deltagande i Arbetsgrupp 3 för revidering av Svensk Standard 854000 "
        + "”Styrning och ledning för hållbar utveckling i kommuner och regioner – Vägledning för "
        + "genomförande av Agenda 2030”",
      who: ["Ordförande", "Kansli"], when: "Start 2018, beräknas klar våren 2021", status: "Pågår",
      priority: 1),
    Row(
      direction: 0,
      what:
        "Delta i projektet ”Hållbar kommun- och regionsutveckling” tillsammans med Blekinge Tekniska Högskola",
      how: "2019 avslutades första delen av projektet och det gick in i fas 2. I samband med att delområden "
        + "blir färdiga redovisas de för medlemmarna. I första hand via webinarier i föreningens webbcampus "
        + "Ecomuna.",
      who: ["Kansli"], when: "Löpande", status: "Pågår", priority: 2),
    Row(
      direction: 0, what: "Det internationella miljökommunnätverket ICLEI",
      how: "Som medlem delta i nätverkets arbete och sprida information inom Sekom.",
      who: ["Styrelse", "Kansli", "Expertgrupp"], when: "Löpande", status: "Bevakar", priority: 2),
    Row(
      direction: 0, what: "Det internationella miljökommunnätverket ICLEI", how: "Utvärdera medlemskapet.",
      who: ["Styrelse", "Internationella arbetsgruppen"], when: "Klart 2021", status: "Ej påbörjat",
      priority: 2),
    Row(
      direction: 0, what: "Utvärdera Sekoms internationella engagemang",
      how: "Årsmötet 2020 beslutade att föreningens internationella arbete ska utvärderas. Redovisas vid "
        + "årsmöte 2021.",
      who: ["Internationella arbetsgruppen", "Styrelse"], when: "Klart våren 2021", status: "Pågår",
      priority: 1),
    Row(
      direction: 0, what: "Chilenska ekokommunnätverket",
      how: "Hålla kontakten med ekokommunerna i Araucoprovinsen. Ta hand om besöksgrupper.",
      who: ["Styrelse", "Kansli", "Intresserade medlemmar"], when: "Vid behov", status: "Vilande", priority: 3
    ),
    Row(
      direction: 0, what: "Planerat projekt med städer i Sydamerika.",
      how: "Ett projekt kring avfallshantering planeras.",
      who: ["Internationella arbetsgruppen"], when: "Vilande pga Coronapandemin", status: "Vilande",
      priority: 3),
    Row(
      direction: 0, what: "Argentinska ekokommunnätverket",
      how: "Samarbetsavtal om utvecklat erfarenhetsutbyte finns. Ta hand om besöksgrupper.",
      who: ["Internationella arbetsgruppen"], when: "Vid behov",
      status: "Håller kontakten deltar i webinarier.",
      priority: 2),
    Row(
      direction: 0, what: "Argentinska ekokommunnätverket", how: "Föreläsa vid utbildningar (webb).",
      who: ["Internationella arbetsgruppen"], when: "3 tillfällen planerade under våren", status: "Pågår",
      priority: 2),
    Row(
      direction: 0, what: "Etiopiska ekokommunnätverket",
      how: "Delta som referens/stöd i projekt med etiopiskt nätverk av ekokommuner. Sustainable Sweden "
        + "Association är projektägare. Ta hand om besöksgrupper.",
      who: ["Internationella arbetsgruppen"], when: "Vilande", status: "Vilande", priority: 3),
    Row(
      direction: 0, what: "Nordamerikanska ekokommunnätverket",
      how: "Bevaka utvecklingen – nätverket håller på att starta om.",
      who: ["Internationella arbetsgruppen"], when: "Löpande", status: "Pågår", priority: 2),
    Row(
      direction: 0, what: "Nordamerikanska ekokommunnätverket",
      how: "Genomföra virtuella Sustainable Sweden Tours",
      who: ["Internationella arbetsgruppen", "Alla medlemmar"], when: "Hösten 2021",
      status: "Planering pågår",
      priority: 2),

    // 2. Pådrivare och opinionsbildare
    Row(
      direction: 1, what: "Sveriges Kommuner och Landsting (SKR)",
      how:
        "Ta initiativ till ett långsiktigt samarbete och samverkan med SKR för att stärka synergieffekter.",
      who: ["Styrelse"], when: "Hösten 2021", status: "", priority: 2),
    Row(
      direction: 1, what: "Samverka med WWF",
      how: "Hålla kontakten och driva gemensamma projekt där det är lämpligt",
      who: ["Kansli", "Styrelse", "Expertgrupp"], when: "Bevaka", status: "Vilande", priority: 2),
    Row(
      direction: 1, what: "Samverka med Klimatkommunerna",
      how: "Ta kontakt med representanter på politisk och tjänstepersonnivå i syfte att se hur samverkan kan "
        + "ske",
      who: ["Kansli", "Styrelse"], when: "", status: "", priority: 1),
    Row(
      direction: 1, what: "Sveriges Miljökommuner", how: "Finna former för samverkan",
      who: ["Styrelse"], when: "", status: "", priority: 1),
    Row(
      direction: 1, what: "Samverka med Refarm Linné",
      how: "Hålla kontakten och delta i gemensamma projekt där det är lämpligt.",
      who: ["Kansli", "Styrelse"], when: "Löpande", status: "Pågår", priority: 2),
    Row(
      direction: 1, what: "Delta i initiativet Fossilfritt Sverige", how: "Utveckla samarbetet",
      who: ["Ordförande", "Kansli"], when: "Löpande", status: "Pågår", priority: 2),
    Row(
      direction: 1, what: "Hållbar kommun",
      how: "Presentera föreningens arbete kring arbetsmetodik för att genomföra koldioxidbudget samt den "
        + "kommande standarden för Agenda 2030",
      who: ["Ordförande", "Kansli", "Samarbetspartners", "Medlemmar"], when: "11 maj 2021",
      status: "Planeras",
      priority: 1),
    Row(
      direction: 1, what: "Svara på remisser",
      how: "Styrelsen väljer vad som ska besvaras med input från föreningens nätverk.",
      who: ["Styrelse", "Kansli", "Expertgrupp"], when: "Löpande", status: "Efter behov", priority: 2),
    Row(
      direction: 1, what: "Svara på remisser",
      how: "Svar utarbetas i samarbete med nätverket. Vid behov bildas remissgrupper.",
      who: ["Styrelse", "Kansli", "Expertgrupp"], when: "Löpande", status: "Efter behov", priority: 2),
    Row(
      direction: 1, what: "Lobbying",
      how: "Aktivt bevaka och påverka via exempelvis skrivelser i frågor som berör många medlemmar och som "
        + "hela föreningen kan stå bakom.",
      who: ["Styrelse", "Expertgrupp", "Kansli"], when: "Löpande", status: "Efter behov", priority: 2),
    Row(
      direction: 1, what: "Lobbying",
      how: "Styrelsen ska ha en stående punkt på styrelsemöten om omvärldsbevakning kopplat till lobbying.",
      who: ["Styrelse", "Expertgrupp", "Kansli"], when: "Löpande", status: "Pågår", priority: 1),
    Row(
      direction: 1, what: "Extern kommunikation", how: "Implementera riktlinjerna för kommunikation.",
      who: ["Kansli", "Styrelse", "Expertgrupp"], when: "Löpande", status: "Pågår", priority: 1),
    Row(
      direction: 1, what: "Extern kommunikation", how: "Uppdatera föreningens externa informationsmaterial.",
      who: ["Kansli"], when: "Hösten 2021", status: "Pågår, delvis klart", priority: 1),
    Row(
      direction: 1, what: "Extern kommunikation",
      how: "Medverka som utställare vid några av de politiska partiernas kommundagar",
      who: ["Styrelse", "Kansli"], when: "Löpande", status: "Vilande pga Coronapandemi", priority: 2),

    // 3. Kunskapsförmedlare och en arena för erfarenhetsutbyte
    Row(
      direction: 2, what: "Använda webbrummet Ecomuna",
      how: "Anordna minst 6 webinarier om intressanta goda exempel.",
      who: ["Kansli"], when: "Vår/Höst", status: "2 genomförda", priority: 1),
    Row(
      direction: 2, what: "Använda webbrummet Ecomuna",
      how: "Delta i och anordna webinarier inom internationella och nationella projekt där Sekom deltar.",
      who: ["Kansli"], when: "Vid behov",
      status: "Planeras i samarbete med Amerikanska nätverket och Argentina", priority: 2),
    Row(
      direction: 2, what: "Kontinuerlig medlemsvård",
      how: "Alla ordinarie kontaktpersoner ska kontaktas under 2021.",
      who: ["Styrelse", "Expertgrupp", "Kansli"], when: "Hösten 2021", status: "Planeras", priority: 1),
    Row(
      direction: 2, what: "Kontinuerlig medlemsvård",
      how: "Kontaktuppgifterna till kontaktpersoner ska hållas aktuell.",
      who: ["Medlemmar", "Kansli"], when: "Löpande", status: "Pågår", priority: 1),
    Row(
      direction: 2, what: "Informationspaket för medlemmar",
      how: "Utarbeta ett paket med presentation och information om Sekom med stöd och hjälp för det interna "
        + "arbetet.",
      who: ["Kansli"], when: "Delvis genomfört", status: "Pågår", priority: 1),
    Row(
      direction: 2, what: "Kontakt mellan medlemmar för ökat erfarenhetsutbyte",
      how: "Öka aktiviteten på Facebook-gruppen Sekom Forum där kontaktpersoner utbyter erfarenheter.",
      who: ["Kansli", "Medlemmar"], when: "2021", status: "Pågår", priority: 2),
    Row(
      direction: 2, what: "Kontakt mellan medlemmar för ökat erfarenhetsutbyte",
      how: "Skapa ny funktion för gruppmail mellan medlemmarna då den gamla tagits bort av webhotellet.",
      who: ["Kontaktjänstepersoner", "Kansli"], when: "Våren 2021", status: "Pågår", priority: 1),
    Row(
      direction: 2, what: "Kontakt mellan medlemmar för ökat erfarenhetsutbyte",
      how: "Skicka ut enkäter i aktuella frågor.",
      who: ["Kansli"], when: "2021", status: "Pågår", priority: 2),
    Row(
      direction: 2, what: "Kontakt mellan medlemmar för ökat erfarenhetsutbyte",
      how: "Undersöka möjligheterna att skapa arbetsgrupper inom Teams kring aktuella frågor, till exempel "
        + "koldioxidbudget.",
      who: ["Kansli", "Expertgrupp"], when: "2021", status: "Pågår", priority: 1),
    Row(
      direction: 2, what: "Sprida kunskapen om ”ekokommunmetodik” bland kontaktpersoner i nätverket.",
      how: "Informerar och uppmuntrar att gå lämpliga utbildningar.",
      who: ["Kansli"], when: "Hela året", status: "Pågår", priority: 2),
    Row(
      direction: 2, what: "Sprida kunskapen om ”ekokommunmetodik” bland kontaktpersoner i nätverket.",
      how: "Följa utvecklingen och förmedla resultatet inom samarbetsprojektet med BTH.",
      who: ["Kansli"], when: "Hela året", status: "Pågår – webbinarium genomfört januari 2021", priority: 2),
    Row(
      direction: 2, what: "Nyckeltalen",
      how: "Webbinarium arrangeras i samband med redovisning av resultatet.",
      who: ["Expertgrupp"], when: "Vår och höst 2021", status: "Planeras vår 2021", priority: 1),
    Row(
      direction: 2, what: "Nyckeltalen", how: "Goda exempel redovisas av miljöbarometern.",
      who: ["Kansli", "Miljöbarometern"], when: "Hösten 2021", status: "Diskuteras", priority: 2),
    Row(
      direction: 2, what: "Nyckeltalen", how: "Översyn av nyckeltalen.",
      who: ["Expertgrupp", "Alla medlemmar"], when: "2021", status: "Pågår", priority: 1),
    Row(
      direction: 2, what: "Årskonferens",
      how: "På grund av coronapandemin genomförs själva årsmötet digitalt.",
      who: ["Kansli", "Värdkommunen"], when: "28 maj 2021", status: "På gång", priority: 1),
    Row(
      direction: 2, what: "Årskonferens", how: "Ta fram värd för årsmöte 2022 i mellersta Sverige",
      who: ["Styrelse", "Kansli"], when: "Till årsmötet", status: "På gång", priority: 1),
    Row(
      direction: 2, what: "Höstkonferens, 25-årsjubileum", how: "Jubileumskonferens planeras i Sundsvall",
      who: ["Styrelse", "Kansli"], when: "19-20 oktober", status: "På gång", priority: 1),
    Row(
      direction: 2, what: "Regionala ekokommunnätverk",
      how: "Uppmuntra regionalt nätverkande i regioner där flera medlemmar finns.",
      who: ["Kansli", "Expertgrupp"], when: "Hela året", status: "Vilande", priority: 2),
  ]
}
