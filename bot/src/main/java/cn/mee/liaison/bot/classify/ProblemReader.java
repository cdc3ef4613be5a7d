package cn.mee.liaison.bot.classify;

import java.util.Optional;

/** A problem found in the field (第五条(三)): enterprise, county, site and category, from labels or from the text. */
final class ProblemReader implements FreeTextReader {

    @Override
    public void fill(Draft draft) {
        String text = draft.text();
        draft.textValue("category").ifPresent(labelled ->
                draft.replace("category", ProblemCategories.find(labelled).orElse(labelled)));
        Optional<String> enterprise = draft.textValue("enterprise").or(() -> EnterpriseNames.find(text));
        draft.offer("enterprise", enterprise);
        Optional<String> county = draft.textValue("county").or(() -> PlaceNames.county(text));
        draft.offer("county", county);
        draft.offer("location", PlaceNames.site(text)
                .filter(site -> enterprise.map(name -> !name.contains(site) && !site.contains(name)).orElse(true))
                .filter(site -> county.map(name -> !name.equals(site)).orElse(true)));
        draft.offer("category", ProblemCategories.find(text));
        draft.offer("description", draft.untouchedText());
    }
}
