package cn.mee.liaison.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shape of the code: bot → scheduler → storage, features free of cycles, names from the domain. */
@AnalyzeClasses(packages = "cn.mee.liaison", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modulesDependOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("bot").definedBy("cn.mee.liaison.bot..")
            .layer("scheduler").definedBy("cn.mee.liaison.scheduler..")
            .layer("storage").definedBy("cn.mee.liaison.storage..")
            .whereLayer("bot").mayNotBeAccessedByAnyLayer()
            .whereLayer("scheduler").mayOnlyBeAccessedByLayers("bot")
            .whereLayer("storage").mayOnlyBeAccessedByLayers("scheduler", "bot");

    @ArchTest
    static final ArchRule storageKnowsNothingOfChatPlatformsOrTime = noClasses()
            .that().resideInAPackage("cn.mee.liaison.storage..")
            .should().dependOnClassesThat().resideInAnyPackage("me.chanjar..", "org.quartz..",
                    "org.springframework.web..");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("cn.mee.liaison.bot.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noDumpingGrounds = noClasses().should()
            .haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Utils")
            .orShould().haveSimpleNameEndingWith("Helper").orShould().haveSimpleNameEndingWith("Manager");
}
