package org.educommons.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An education community (教育共同体 / 联盟): member tenants that plan and act together. */
@Entity
@Table(name = "community")
public class Community {

    @Id
    private Long id;

    private String slug;

    @Column(name = "name_zh")
    private String nameZh;

    @Column(name = "name_en")
    private String nameEn;

    @Column(name = "founded_in")
    private int foundedIn;

    @Column(name = "description_zh")
    private String descriptionZh;

    @Column(name = "description_en")
    private String descriptionEn;

    protected Community() {
    }

    public Long id() {
        return id;
    }

    public CommunitySlug slug() {
        return new CommunitySlug(slug);
    }

    public LocalizedName name() {
        return new LocalizedName(nameZh, nameEn);
    }

    public int foundedIn() {
        return foundedIn;
    }

    public LocalizedName description() {
        return new LocalizedName(descriptionZh, descriptionEn);
    }
}
